# The two commands of the quick start, and the pieces they are made of.
#   make demo   set up .venv, create the bundled demo share, scan it on the embedded default, print the report
#   make test   set up .venv with the test tools, start Kafka + Elasticsearch on loopback, run every test, stop them
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := demo-share
STATE  := .lanterne-demo

.PHONY: demo test test-fast lint schemas bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.demo: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[formats,demo]'
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.demo

demo: $(VENV)/.demo
	@test -d $(DEMO) || $(BIN)/lanterne demo make $(DEMO)
	@mkdir -p $(STATE)
	$(BIN)/lanterne scan $(DEMO) --once --state $(STATE) --jsonl $(STATE)/verdicts.jsonl
	$(BIN)/lanterne report --state $(STATE) --html $(STATE)/report.html
	@echo "Try: $(BIN)/lanterne search --state $(STATE) --health --identifier NIR"

test: $(VENV)/.dev
	infra/local/up
	status=0; $(BIN)/pytest -q -p no:cacheprovider || status=$$?; infra/local/down; exit $$status

test-fast: $(VENV)/.dev
	$(BIN)/pytest -q -m "not slow and not integration"

lint: $(VENV)/.dev
	$(BIN)/ruff check services tests bench
	$(BIN)/mypy services/lanterne

schemas: $(VENV)/.dev
	$(BIN)/python -m lanterne.events.schemas schemas/events
	$(BIN)/python -m lanterne.index.es_template > schemas/elasticsearch/lanterne-files.template.json
	$(BIN)/python -m lanterne.index.es_history schemas/elasticsearch
	$(BIN)/python -m lanterne.settings_doc > docs/settings.md
	$(BIN)/python -m lanterne.classify.catalog > docs/classifier.md

clean:
	rm -rf $(VENV) $(DEMO) $(STATE) .lanterne
