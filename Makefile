# budgetrec — the two commands: `make demo` and `make test`.
# Both install missing Debian packages when run as root (otherwise they print
# the one apt-get line needed), build, and run.

DEBIAN_PACKAGES := build-essential cmake pkg-config libffi-dev libcsv-dev libcriterion-dev \
                   libutf8proc-dev python3-dev python3-venv python3-setuptools python3-wheel \
                   python3-pytest python3-pandas python3-numpy python3-tqdm python3-matplotlib \
                   python3-nbformat python3-nbclient python3-ipykernel libpoppler-glib-dev \
                   python3-cairo fonts-wqy-microhei poppler-utils
PYTHON := /usr/bin/python3
BUILD := build
ASAN_BUILD := build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

FUZZ_BUILD := build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps build asan venv demo test test-c test-asan test-python bench fuzz clean

all: build

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing Debian packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBR_SANITIZE=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)

# The Python package, installed into .venv (SPEC §2): the extension linked
# with build/libbudgetrec.a, the bundled plugins copied into it (setup.py).
venv: build
	@test -x .venv/bin/python || $(PYTHON) -m venv --system-site-packages .venv
	.venv/bin/python -m pip install -q --no-build-isolation --no-index --no-deps .

demo: venv
	@echo "== budgetrec check examples/*.txt examples/real/ =="
	@$(BUILD)/budgetrec check examples/*.txt examples/real/; rc=$$?; \
	  echo "(exit status $$rc: 0 clean, 1 error findings, 2 unreadable input)"; \
	  test $$rc -le 1

test-c: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan: asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# pytest of bindings/python/tests, which also builds examples/plugin with its
# CMakeLists and executes examples/tour.ipynb end to end with nbclient.
test-python: venv
	.venv/bin/python -m pytest -q -p no:cacheprovider --import-mode=importlib bindings/python/tests

test: test-c test-asan test-python

bench: build
	bench/run.sh

# libFuzzer over the readers and checks (not part of `make test`; needs clang):
# FUZZ_SECONDS of fuzzing from seeds made of tests/data and examples texts.
# Findings land in $(FUZZ_BUILD)/fuzz/artifacts/ (see fuzz/fuzz_read.c).
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DBR_FUZZ=ON -DBR_TESTS=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) --target fuzz_read -j $(JOBS)
	$(PYTHON) fuzz/seed_corpus.py --max-len 65536 --dict $(FUZZ_BUILD)/fuzz/budget.dict \
	  $(addprefix --def ,$(wildcard libreader/*.def plugins/*/*.def libcore/src/*.def)) $(FUZZ_BUILD)/fuzz/corpus \
	  tests/data/*.txt $(wildcard tests/data/fuzz/*) examples/*.txt
	mkdir -p $(FUZZ_BUILD)/fuzz/artifacts
	$(FUZZ_BUILD)/fuzz/fuzz_read -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
	  -dict=$(FUZZ_BUILD)/fuzz/budget.dict -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_BUILD)/fuzz/artifacts/ $(FUZZ_BUILD)/fuzz/corpus

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) .venv *.egg-info bindings/python/*.egg-info
