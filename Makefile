# ucfake: the test command CI runs is `make test`.
SHELL   := /bin/bash
GO      ?= go
PKGS    ?= ./...
IMAGE   ?= ucfake:dev
BENCH   ?= .
FUZZTIME ?= 30s

.PHONY: test specs junit bench bench-scale bench-ratios fuzz vet run image mutate

# Ryuk, testcontainers' reaper, needs an image nobody pulls here: the
# container tests terminate their containers themselves.
export TESTCONTAINERS_RYUK_DISABLED ?= true

## test: the whole suite (unit tests, Ginkgo specs, wire conformance), with
## the race detector; ends with one line naming every skipped test and why
test:
	$(GO) vet $(PKGS)
	set -o pipefail; $(GO) test -race -count=1 -json $(PKGS) | $(GO) run ./internal/testreport

## specs: only the executable KB, with Ginkgo's verbose output (the ginkgo
## CLI is a tool dependency in go.mod: `go tool ginkgo ./specs` works too)
specs:
	$(GO) tool ginkgo -v ./specs

## junit: the specs with a JUnit report in junit.xml, for CI systems
junit:
	$(GO) tool ginkgo --junit-report=junit.xml --output-dir=. ./specs

## mutate: mutation testing of fakes/lync, fakes/exchange and harness/desktop against their
## tests and the specs (slow, about half an hour on two quiet cores; not part of make test). Per-mutant
## report in mutation.out; survivors are reviewed in docs/mutation.md. MUTATE="-match desktop/"
## runs a subset.
mutate:
	$(GO) run ./tools/mutate $(MUTATE)

## bench: every benchmark, with allocations
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem $(PKGS)

## bench-scale: the organisation-size benchmarks (1,000, 10,000 and 100,000
## users) and ResolveNames at 100,000, one run each, with peak memory
bench-scale:
	$(GO) test -run '^$$' -bench 'Synchronise(1000|10000|100000)$$' -benchtime 1x -benchmem ./harness
	$(GO) test -run '^$$' -bench 'ResolveNames100000' -benchmem ./fakes/ews

## bench-ratios: every side-by-side comparison with its reference, as ratio metrics
bench-ratios:
	$(GO) test -run '^$$' -bench 'Ratio' ./fakes/ews ./fakes/sip ./control

## fuzz: each fuzz target for FUZZTIME
fuzz:
	$(GO) test ./fixtures -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)

## run: the standalone server on its embedded default organisation
run:
	$(GO) run ./cmd/ucfake

## image: the container image ucfake:dev (FROM scratch, static binary); IMAGE=ucfake:x for another tag
## (the container tests start UCFAKE_IMAGE when set)
image:
	CGO_ENABLED=0 $(GO) build -trimpath -o dist/ucfake ./cmd/ucfake
	docker build --network=host -t $(IMAGE) .
