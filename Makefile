.PHONY: setup test lint fix serve bench sample

setup:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test,postgres]'

test:
	bash scripts/test

lint:
	.venv/bin/ruff check src tests benchmarks scripts && .venv/bin/ruff format --check src tests benchmarks scripts

fix:
	.venv/bin/ruff check --fix src tests benchmarks scripts && .venv/bin/ruff format src tests benchmarks scripts

serve:
	bash scripts/serve

bench:
	.venv/bin/python benchmarks/parse.py
	.venv/bin/python benchmarks/ingest.py --scale 0.1
	.venv/bin/python benchmarks/search.py --docs 25000
	.venv/bin/python benchmarks/web.py

sample:
	.venv/bin/python scripts/make_sample.py
