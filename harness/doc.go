// Package harness builds a ucfake world: the fake Exchange and the fake
// Lync back end on one virtual clock, with the simulated desktops of
// package desktop, from a YAML organisation (package fixtures) or from code.
//
// A world is in-process, independent of every other world, and cheap
// (well under a millisecond for a small organisation), so each test builds
// its own:
//
//	w := harness.RunT(t, "kb000")           // or GinkgoT()
//	mgr := w.Computer("PC-MANAGER")
//	mgr.Lync().SignIn()
//	w.Advance(10 * time.Minute)
//
// Fidelity contract: see the package docs of fakes/exchange, fakes/lync and
// harness/desktop, and docs/fidelity.md. The world adds nothing to what
// they simulate; it only wires them together and keeps the event log.
//
// Concurrency: a World is safe for concurrent use, but time moves only when
// the test calls Advance, AdvanceTo or RunUntilIdle (on a virtual clock),
// and timers run on the goroutine that called it.
package harness
