"""Accounts and login security: who may change whose account (policy.py), login lockout
(lockout.py, django-axes), two-factor login (twofactor.py, views.py, django-otp) and the
password-reset and two-factor pages (urls.py). The account admin itself is mi_site/admin.py.
"""
