"""A large site for `make bench`: the demo content cloned to thousands of rows.

`build_bench_site()` adds programs, people and articles with bulk inserts until the database
holds the size asked for, linked the way editors link real content (departments, themes,
countries, programs, people featured, tags in the region's own scripts), then refreshes the
planner statistics. It is the data set of `bench/run`; `tests/ops/test_bench_data.py` runs it
at a tiny size.
"""

from mi_site.core.progress import ProgressBar

from .builder import BenchSize, build_bench_site

__all__ = ["BenchSize", "ProgressBar", "build_bench_site"]
