"""Purpose: tests of scripts/dirswap.py, the one way a build step replaces a generated folder."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import dirswap  # noqa: E402


def tree(root):
    """{relative path: content} of every file under root."""
    found = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path) as f:
                found[os.path.relpath(path, root)] = f.read()
    return found


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


class Replacing(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.TemporaryDirectory()
        self.out = os.path.join(self.root.name, "site")

    def tearDown(self):
        self.root.cleanup()

    def test_a_new_folder_is_created(self):
        with dirswap.replacing(self.out) as tmp:
            self.assertEqual(os.listdir(tmp), [])
            write(os.path.join(tmp, "a", "b.txt"), "new")
        self.assertEqual(tree(self.out), {os.path.join("a", "b.txt"): "new"})
        self.assertEqual(sorted(os.listdir(self.root.name)), ["site"])

    def test_the_old_content_goes_entirely(self):
        write(os.path.join(self.out, "stale.txt"), "old")
        write(os.path.join(self.out, "keep.txt"), "old")
        with dirswap.replacing(self.out) as tmp:
            self.assertEqual(tree(self.out), {"stale.txt": "old", "keep.txt": "old"})  # untouched meanwhile
            write(os.path.join(tmp, "keep.txt"), "new")
        self.assertEqual(tree(self.out), {"keep.txt": "new"})
        self.assertEqual(sorted(os.listdir(self.root.name)), ["site"])

    def test_a_failure_leaves_the_old_folder_and_no_leftovers(self):
        write(os.path.join(self.out, "page.html"), "old")
        with self.assertRaises(SystemExit):
            with dirswap.replacing(self.out) as tmp:
                write(os.path.join(tmp, "page.html"), "half")
                sys.exit("a build step gave up")
        self.assertEqual(tree(self.out), {"page.html": "old"})
        self.assertEqual(sorted(os.listdir(self.root.name)), ["site"])

    def test_leftovers_of_a_killed_run_are_cleared(self):
        write(os.path.join(self.out + ".tmp", "junk.txt"), "from a run that was killed")
        write(os.path.join(self.out + ".old", "junk.txt"), "from a run that was killed")
        with dirswap.replacing(self.out) as tmp:
            self.assertEqual(os.listdir(tmp), [])
            write(os.path.join(tmp, "x.txt"), "new")
        self.assertEqual(tree(self.out), {"x.txt": "new"})
        self.assertEqual(sorted(os.listdir(self.root.name)), ["site"])


if __name__ == "__main__":
    unittest.main()
