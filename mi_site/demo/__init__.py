"""Demo content for `make run`: a site that looks like the Mekong Institute's.

This package is composition: it may import every app, and nothing imports it except the
`load_demo_content` and `demo_logins` commands and their tests. Data lives in small modules by
kind (departments, partners, programs, people, articles); `sync.Writer` makes every write
idempotent and `loader.load_demo_content()` runs them in dependency order.
"""
