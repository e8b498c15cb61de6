# Bazaar: `make test` is what CI runs on a fresh clone; `make gen` regenerates committed code.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# tools/forge: the npm shim node_modules/.bin/forge exits 0 even when forge fails.
FORGE := tools/forge
# Contracts with Go bindings in chain/bindings (one file each, type = contract name).
CONTRACTS := DealRegistry AttestationRegistry MetricsLedger Redemptions EligibilityVerifier Settlement TestStablecoin
GENTMP := contracts/out/abigen

.PHONY: all deps build gen check-gen vet test test-go test-forge test-ui cluster-test interop soundness bench clean

all: build

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: node_modules/.installed
	go mod download

build: deps
	go build ./...

## gen: build the contracts and write abigen v2 bindings into chain/bindings; bundle the UI's
## cryptography (noble libraries) into web/static/vendor/crypto.mjs.
gen: node_modules/.installed
	go run ./tools/genverifier
	$(FORGE) build --quiet
	mkdir -p $(GENTMP)
	for c in $(CONTRACTS); do \
	  node tools/artifact.js contracts/out/$$c.sol/$$c.json $(GENTMP)/$$c.abi $(GENTMP)/$$c.bin; \
	  go tool abigen --v2 --abi $(GENTMP)/$$c.abi --bin $(GENTMP)/$$c.bin --pkg bindings \
	    --type $$c --out chain/bindings/$$(echo $$c | tr A-Z a-z).go; \
	done
	./node_modules/.bin/esbuild web/src/crypto.js --bundle --format=esm --minify --legal-comments=none \
	  --log-level=warning --outfile=web/static/vendor/crypto.mjs

## check-gen: fail if regenerating changes the tree (CI's freshness check).
check-gen: gen
	@if ! git diff --quiet -- chain/bindings contracts/src/verifiers web/static/vendor 2>/dev/null || \
	    [ -n "$$(git ls-files --others --exclude-standard -- chain/bindings contracts/src/verifiers web/static/vendor)" ]; then \
	  echo "generated code is stale: run 'make gen' and commit the result"; \
	  git --no-pager diff --stat -- chain/bindings; git ls-files --others --exclude-standard -- chain/bindings; \
	  exit 1; \
	fi
	@echo "generated code is fresh"

vet: deps
	go vet ./...

test-go: deps
	go test -count=1 ./...

test-forge: node_modules/.installed
	$(FORGE) test

## interop: Kubo 0.43.1 (built once from the module proxy into the user cache) fetches our
## deals over bitswap, imports our CARs, serves us a document only it has, and pins what a
## node and a mirror with --ipfs-api give it through its RPC API (internal/kubotest runs it).
interop: deps
	go test -count=1 -tags interop ./ipfs/ ./cmd/bazaar/ -run Interop -v

## test-ui: the web UI in Debian's chromium driven by playwright-core (web/test/ui.mjs);
## installs chromium with apt when it is missing and we are root. Screenshots: ui-screenshots/.
test-ui: deps
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  { apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; }; } || \
	  { echo "test-ui needs Debian's chromium: apt-get install chromium"; exit 1; }
	go test -count=1 -tags ui -run TestWebUI ./cmd/bazaar/

## cluster-test: anvil + NATS + two nodes (one a mirror) + three sharded matchers as separate
## processes; relay and matcher killed mid-run (cmd/bazaar/cluster_test.go).
cluster-test: deps
	go test -count=1 -tags cluster -run TestCluster ./cmd/bazaar/

## soundness: the malicious-prover tests over every hint call and quotient wire of the eligibility
## circuit, not the sample `go test` tries (prover/malicious_test.go; minutes).
soundness: deps
	BAZAAR_SOUNDNESS=full go test -count=1 -timeout 60m -run 'TestEligibility_|TestEdwards_' -v ./prover/

test: vet test-go test-forge interop test-ui cluster-test check-gen

bench: deps
	go run ./cmd/bazaar bench --json all

clean:
	rm -rf contracts/out contracts/cache
