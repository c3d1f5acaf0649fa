"""Scripted eval conversations, runner and reports. Not built yet: see issue 8."""
