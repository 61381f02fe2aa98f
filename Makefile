# samlint: build, test and install. `make` builds ./samlint.
CC      ?= cc
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_GNU_SOURCE
LDLIBS   = -lyaml -lcjson -lpcre2-8 -lpthread

SRC      = $(sort $(wildcard src/*.c))
RULES_C  = $(sort $(wildcard rules/SL*.c))
RULES_MD = $(sort $(wildcard rules/SL*.md))
DATA_C   = $(sort $(wildcard rules/data/*.c))
OBJ      = $(SRC:%.c=build/%.o) $(RULES_C:%.c=build/%.o) $(DATA_C:%.c=build/%.o) build/registry.o

.PHONY: all check demo install clean deps test-deps docs
all: samlint

samlint: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

build/%.o: %.c $(wildcard src/*.h rules/*.h rules/data/*.h) | build
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

build/registry.c: build/genregistry $(RULES_MD)
	build/genregistry $@ $(RULES_MD)

build/registry.o: build/registry.c src/engine.h src/rule.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes -c -o $@ $<

build/genregistry: tools/genregistry.c | build
	$(CC) $(CFLAGS) $(WARN) -o $@ $<

build:
	@mkdir -p build

# Loader unit tests: tests/unit_*.c linked with everything but main.
UNIT_OBJ = $(filter-out build/src/main.o,$(OBJ))
build/unit_%: tests/unit_%.c $(UNIT_OBJ) $(wildcard tests/*.h)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes -Isrc -o $@ $< $(UNIT_OBJ) $(LDLIBS)

UNITS = $(patsubst tests/unit_%.c,build/unit_%,$(wildcard tests/unit_*.c))

# Debian packages the build and the tests need.
deps:
	@pkgs=""; for p in libyaml-dev libcjson-dev libpcre2-dev; do \
	  dpkg -s $$p >/dev/null 2>&1 || pkgs="$$pkgs $$p"; done; \
	if [ -n "$$pkgs" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs; fi
test-deps: deps
	@pkgs=""; for p in python3-jsonschema python3-yaml pre-commit groff-base git valgrind clang libclang-rt-14-dev bsdutils neovim emacs-nox elpa-eglot cppcheck; do \
	  dpkg -s $$p >/dev/null 2>&1 || pkgs="$$pkgs $$p"; done; \
	if [ -n "$$pkgs" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs; fi

check: samlint $(UNITS)
	@bash tests/run

# Docs generated from rules/SL*.md (committed; tests/t_docs.sh checks they are current).
docs: samlint
	tools/gendocs.sh ./samlint

demo: samlint
	./samlint examples/ || true

install: samlint
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 755 samlint $(DESTDIR)$(PREFIX)/bin/samlint
	for m in man/*.1; do [ -f "$$m" ] && install -m 644 "$$m" $(DESTDIR)$(PREFIX)/share/man/man1/; done; true
	for m in man/*.7; do [ -f "$$m" ] && install -m 644 "$$m" $(DESTDIR)$(PREFIX)/share/man/man7/; done; true

clean:
	rm -rf build samlint

# ---- hardening (wt/hardening): fuzzing, sanitizers, valgrind, benchmark ----
# make fuzz FUZZ_SECONDS=N  libFuzzer targets under ASan+UBSan, N seconds each (clang)
# make check-asan           the whole suite (with the shared corpus) on an ASan+UBSan build
# make check-tsan           ThreadSanitizer: the shared corpus and the fixtures at -j 4, no race
# make valgrind             memcheck over a sample of the shared corpus and the limit fixtures
# make bench                speed and memory next to a libyaml parse-only baseline
.PHONY: fuzz check-asan check-tsan valgrind bench static
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
CORPUS_DIR   ?= ../shared/corpus
SANITIZE      = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
CORE_SRC      = $(filter-out src/main.c,$(SRC)) $(RULES_C) $(DATA_C) build/registry.c
# A sanitizer report must never pass for "findings" (exit 1).
SAN_ENV       = ASAN_OPTIONS=exitcode=86:detect_leaks=1:abort_on_error=0 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86

build/bench_parse: tools/bench_parse.c | build
	$(CC) -O2 $(WARN) -o $@ $< -lyaml

bench: samlint build/bench_parse
	@tools/bench.sh ./samlint build/bench_parse $(CORPUS_DIR)

# make bench-lsp            didChange -> publishDiagnostics of `samlint --lsp` and its memory over 10,000 edits
.PHONY: bench-lsp
bench-lsp: samlint
	@mkdir -p build && tools/gen_template.sh resources 10000 > build/bench-lsp-large.yaml
	@tools/bench_lsp.py ./samlint examples/template.yaml build/bench-lsp-large.yaml

build/fuzz/%: fuzz/%.c $(CORE_SRC) $(wildcard src/*.h rules/*.h rules/data/*.h tests/*.h)
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) -g -O1 $(SANITIZE) -fsanitize=fuzzer -std=c11 -o $@ $< $(CORE_SRC) $(LDLIBS)

fuzz: build/fuzz/fuzz_load build/fuzz/fuzz_lint build/fuzz/fuzz_lsp
	fuzz/run.sh $(FUZZ_SECONDS) build/fuzz/fuzz_load build/fuzz/fuzz_lint build/fuzz/fuzz_lsp

build/asan/samlint: $(SRC) $(RULES_C) $(DATA_C) build/registry.c $(wildcard src/*.h rules/*.h rules/data/*.h)
	@mkdir -p build/asan
	$(CC) $(CPPFLAGS) -g -O1 $(SANITIZE) -std=c11 -o $@ $(SRC) $(RULES_C) $(DATA_C) build/registry.c $(LDLIBS)

check-asan: build/asan/samlint $(UNITS)
	@$(SAN_ENV) SAMLINT_SANITIZED=1 SAMLINT=$(abspath build/asan/samlint) bash tests/run

build/tsan/samlint: $(SRC) $(RULES_C) $(DATA_C) build/registry.c $(wildcard src/*.h rules/*.h rules/data/*.h)
	@mkdir -p build/tsan
	$(FUZZ_CC) $(CPPFLAGS) -g -O1 -fsanitize=thread -std=c11 -o $@ $(SRC) $(RULES_C) $(DATA_C) build/registry.c $(LDLIBS)

check-tsan: build/tsan/samlint
	@corpus=$$([ -d $(CORPUS_DIR) ] && echo $(CORPUS_DIR)); \
	for args in "$$corpus fixtures" "-f json fixtures $$corpus"; do \
	  TSAN_OPTIONS=exitcode=86 build/tsan/samlint -j 4 --fail-on never $$args > /dev/null 2> build/tsan/err; \
	  rc=$$?; if [ $$rc -ge 2 ]; then echo "check-tsan: exit $$rc"; head -n 40 build/tsan/err; exit 1; fi; \
	done; echo "check-tsan: no data race"

valgrind: samlint
	@tools/valgrind.sh ./samlint $(CORPUS_DIR)

# make static               clang -Werror over every source (syntax and warnings only) and cppcheck
#                           (the generated tables src/schema_data.c and src/types_data.c are skipped by cppcheck)
static: build/registry.c
	@for f in $(SRC) $(RULES_C) $(DATA_C); do \
	  clang $(CPPFLAGS) $(WARN) -fsyntax-only $$f || exit 1; done; \
	clang $(CPPFLAGS) $(WARN) -Wno-missing-prototypes -Isrc -fsyntax-only build/registry.c || exit 1; \
	for f in fuzz/*.c; do \
	  clang $(CPPFLAGS) $(WARN) -Wno-missing-prototypes -fsyntax-only $$f || exit 1; done; \
	echo "static: clang -Werror clean"
	@out=$$(cppcheck --enable=warning,performance,portability --quiet --error-exitcode=1 \
	  -i src/schema_data.c -i src/types_data.c src rules 2>&1); rc=$$?; \
	if [ $$rc -ne 0 ] || [ -n "$$out" ]; then echo "$$out"; echo "static: cppcheck warnings"; exit 1; fi; \
	echo "static: cppcheck clean"

# ---- differential (wt/diff): the SL6xx rules against cfn-lint on the shared corpus ----
# make differential            per-rule table of the mapped cfn-lint findings samlint finds,
#                              the missed ones, every samlint-only SL6xx finding, and the
#                              SAM translator's error_* inputs (tools/differential.py)
# make differential-sample     SAMPLE (60) samlint-only SL6xx findings drawn with SEED (1),
#                              each with its source lines, for review by hand
# make differential-sam-errors only the report on SAM's error_* translator inputs
.PHONY: differential differential-sample differential-sam-errors
SHARED_DIR ?= ../shared
SAMPLE     ?= 60
SEED       ?= 1
differential: samlint
	@python3 tools/differential.py --samlint ./samlint --shared $(SHARED_DIR)

differential-sample: samlint
	@python3 tools/differential.py --samlint ./samlint --shared $(SHARED_DIR) --sample $(SAMPLE) --seed $(SEED)

differential-sam-errors: samlint
	@python3 tools/differential.py --samlint ./samlint --shared $(SHARED_DIR) --sam-errors

# ---- planted mistakes (wt/plant): issue 10's user trial, reproducible ----
# make plant        one everyday mistake in each of 60 real SAM templates of the shared
#                   corpus (ten per kind: SL602 SL604 SL605 SL601 SL603 SL004), caught
#                   and caught at the mistake's line per kind, with samlint's messages
# make plant-sweep  up to SWEEP (3) plants per kind in every candidate template: the misses
.PHONY: plant plant-sweep
SEED_PLANT ?= 10
SWEEP      ?= 3
plant: samlint
	@python3 tools/plant.py --samlint ./samlint --shared $(SHARED_DIR) --seed $(SEED_PLANT)
plant-sweep: samlint
	@python3 tools/plant.py --samlint ./samlint --shared $(SHARED_DIR) --seed $(SEED_PLANT) --sweep $(SWEEP)
