// Package scenario offers each cause from the source documents as a named
// function that puts a world into that broken state, each resolution as a
// function (or a step-by-step Procedure) that repairs it, and the working
// delegation they start from. Vendors apply them to a harness.World to see
// how their product behaves when, say, MAPI is down or the manager's client
// policy lacks EnableExchangeDelegateSync.
//
// Every function takes a Pair naming the manager's and the delegate's
// computers. The kb000 fixture (manager on PC-MANAGER, assistant on
// PC-ASSISTANT) is the one the specs use: see KB000Pair.
package scenario
