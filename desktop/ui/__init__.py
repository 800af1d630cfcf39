"""Widgets: they display and forward; the logic lives in desktop/core and desktop/workers."""
