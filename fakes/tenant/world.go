package tenant

import (
	"errors"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// World is what a wire face needs of one tenant. *harness.World
// implements it. The stores it returns are the current ones: call again
// for every request.
type World interface {
	Name() string
	Clock() clock.Clock
	Exchange() *exchange.Store
	Lync() *lync.Store
	Faults() *faults.Registry
	// Journal is where the face's request log point records each request
	// (nil: the journal is off).
	Journal() *journal.Journal
	// Throttle admits or refuses each request by its caller's budget and
	// the back-offs told (nil: no throttling).
	Throttle() *throttle.Ledger
	// Profile is the server versions the tenant emulates (defaults
	// filled in).
	Profile() profile.Profile
	// Commit makes every change made so far durable; a face calls it after
	// the work and before the answer, and answers with an error if it fails.
	Commit() error
}

// Resolver returns the tenant named name ("" means Default), or an error
// wrapping ErrUnknown.
type Resolver func(name string) (World, error)

// ErrUnknown is the error of a Resolver for a tenant that does not exist.
var ErrUnknown = errors.New("unknown tenant")

// Fixed returns a Resolver that knows one world, under every name: for a
// face serving a single world (tests, in-process use).
func Fixed(w World) Resolver { return func(string) (World, error) { return w, nil } }
