"""Geometry tools on CadQuery shapes: coercion, measurement, exports, IoU.

These modules import CadQuery; they run inside sandbox jobs (and in tests), never in the
UI process. Callers outside ``tools/`` use the plain results in :mod:`tools.results`.
"""
