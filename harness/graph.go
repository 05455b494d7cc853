package harness

import "github.com/ucfake/ucfake/harness/diagnose"

// Graph returns the world's delegation picture (package diagnose): for
// each manager–delegate pair, Outlook delegate → Calendar and Tasks rights
// → Send on Behalf → back-end record → replicated views → groups and
// banners per computer, each broken link with its reason. Render it with
// its DOT or SVG method.
func (w *World) Graph() diagnose.Graph { return diagnose.NewGraph(w) }
