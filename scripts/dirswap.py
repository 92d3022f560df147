"""Purpose: the one way our build steps replace a generated folder: all at once.

The new content is written into a sibling folder (OUT.tmp); only when that succeeded does it
take OUT's place, in two renames on the same file system (OUT -> OUT.old, OUT.tmp -> OUT), so a
server or a test reading OUT sees the old folder or the new one, never half of one, and a
build step that fails half-way leaves the old folder as it was. Used by legal/build_legal.py
(the legal pages) and scripts/package_site.py (the site). Standard library only.
"""
import contextlib
import os
import shutil


@contextlib.contextmanager
def replacing(out):
    """Yields an empty folder to fill in place of `out`; swaps it in when the block ends
    without an error, and removes it (leaving `out` untouched) when the block raises."""
    out = os.path.abspath(out)
    tmp, old = out + ".tmp", out + ".old"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(out):
        os.rename(out, old)
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)
