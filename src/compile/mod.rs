//! Getting `.pyc` data for `.py` sources from CPython 3.12 (work in progress).
