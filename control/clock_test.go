package control_test

import "github.com/ucfake/ucfake/fakes/clock"

func realClock() clock.Clock { return clock.NewReal(1) }
