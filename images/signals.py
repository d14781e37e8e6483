"""Renditions are made when an image is saved, after the transaction commits (renditions.py)."""
