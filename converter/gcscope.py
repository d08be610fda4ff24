"""Garbage collection scoped to the work at hand.

A conversion makes objects by the hundred thousand, so Python's collector runs often, and each full collection
walks every object the process holds: the concept catalog and its word index, the label caches, Arelle's
modules, the caller's own data. That was 7-8% of a conversion (and Arelle's own gc.collect() at the end of each
validation, a quarter of it). Inside `only_new_objects_collected()` the objects that existed before are frozen
(`gc.freeze`), so collections walk only what the block made; cyclic garbage made there is still freed as usual.
When the outermost block ends, what it made and left in cycles is collected (walking only that), and the frozen
objects go back to the collector (`gc.unfreeze`); one of them that became garbage meanwhile is freed by the next
collection after that.

A process that froze objects itself (a server that freezes before it forks, so its children share the pages)
is left as it is: the block then does nothing, since unfreezing would undo that freeze too.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0  # blocks open (they nest: a conversion's validation is one inside it)
_saved_threshold: tuple[int, ...] = ()
# the youngest generation's threshold inside a block: a conversion makes and drops objects by the million, and at
# the default 700 the collector ran two thousand times over the text corpus, walking (and promoting, to be walked
# again) objects that a moment later were freed by their counts; a quarter of the conversion's time went there.
# What a block leaves in cycles is collected at its end anyway (peak memory was the same).
_YOUNG_THRESHOLD = 50_000


@contextmanager
def only_new_objects_collected() -> Iterator[None]:
    global _depth, _saved_threshold
    with _lock:
        ours = _depth > 0 or gc.get_freeze_count() == 0
        if ours:
            gc.freeze()  # (again when nested: what the outer block made since it began is frozen too)
            if _depth == 0:
                _saved_threshold = gc.get_threshold()
                gc.set_threshold(max(_saved_threshold[0], _YOUNG_THRESHOLD), *_saved_threshold[1:])
            _depth += 1
    try:
        yield
    finally:
        if ours:
            with _lock:
                _depth -= 1
                if _depth == 0:
                    # the block's cyclic garbage (parsed documents, rendered templates) is freed now, by a collection
                    # that walks only what the block made: left to the collector's own schedule, a fast conversion
                    # allocates too little to trigger one before the next has made its own (a batch's peak grew
                    # from 350 to 600 MB over the HTML corpus)
                    gc.collect()
                    gc.unfreeze()
                    gc.set_threshold(*_saved_threshold)
