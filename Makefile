# selfeval — the two commands of the README, and a few more.
SAMPLE := Fixtures/qiannan-guangzhou-2023.csv
OUT    := out

.PHONY: deps build sample test lint bench render serve clean

deps:
	@scripts/bootstrap.sh

# The release binary, with the Swift runtime and Foundation linked in (starts in ~15 ms instead
# of ~22 ms: no dynamic symbol binding of the Swift libraries); falls back to a dynamically
# linked build on a toolchain without the static libraries. Generic types are instantiated by
# direct metadata accessors, not by mangled name: the runtime then checks no conformance by
# scanning the binary's ~8,700 conformance records (once per type and process, ~0.5 M
# instructions each in this binary, about half of what a process's start costs).
RELEASE := swift build -c release --product selfeval \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
build: deps
	$(RELEASE) --static-swift-stdlib || \
	  { echo "static Swift libraries not available: building dynamically linked" >&2; $(RELEASE); }

# The main job on the bundled sample form: CSV export → scored XLSX in out/ (--force: a second
# `make sample` replaces the first one's output, which convert otherwise refuses to do).
sample: build
	@mkdir -p $(OUT)
	.build/release/selfeval convert $(SAMPLE) -o $(OUT)/qiannan-guangzhou-2023.xlsx --force

# Every test: unit, golden, property, end-to-end on the built binary; then the intranet page in
# headless Chromium (screenshots in out/).
test: deps
	scripts/lint.sh
	swift build
	swift test
	python3 scripts/browser-test.py --bin .build/debug/selfeval --out $(OUT)

# The intranet page on the sample data (out/serve-data): prints a unit's link and /admin.
serve: build
	scripts/serve.sh

lint:
	scripts/lint.sh

bench: deps
	scripts/bench.sh

render: sample
	scripts/render.sh $(OUT)/qiannan-guangzhou-2023.xlsx

clean:
	rm -rf .build $(OUT)
