"""`make bench`: throughput and latency of every page type on a large site (see bench/run).

`bench/run` installs the tools and builds the database; `python -m bench` then starts gunicorn
and nginx, loads each page with wrk and writes the table to `bench/results/`.
"""
