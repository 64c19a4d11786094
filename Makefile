# Two commands do everything on a fresh Debian machine:
#   make run   install what is missing, build, create the demo database, serve it
#   make test  install what is missing, build, run every test suite
BUILD   ?= build
DB      ?= sqlite:var/techdiv.db
LISTEN  ?= 127.0.0.1:8080

.PHONY: all deps build run test test-asan bench lint clean

all: build

deps:
	@scripts/install-deps.sh build

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: deps build
	$(BUILD)/techdiv init --db $(DB) --demo
	$(BUILD)/techdiv serve --db $(DB) --listen $(LISTEN)

test:
	@scripts/install-deps.sh test
	@tests/run

test-asan:
	@scripts/install-deps.sh test
	@tests/run --asan-only

bench:
	@scripts/install-deps.sh bench
	@bench/http/run

lint:
	@scripts/lint.sh

clean:
	rm -rf $(BUILD) build-asan
