"""Run a graphkit command and kill it with SIGKILL at one chosen point of its store write (for tests/test_crash_safety.py).

    python tests/kill_at.py POINT graphkit-arguments...

POINT is where the process dies, as ``kill -9`` would make it die (no cleanup,
no ``finally``): ``none`` (run to the end), ``writer`` (the new generation just
created), ``before-commit`` (everything written, not yet committed), ``phase:<words>`` (an
import's progress enters the phase whose name starts with the words),
``before-manifest``, ``after-manifest``, ``before-pointer``, ``after-pointer``
(around the renames of the commit), ``prune`` (while old generations are
removed). The hooks wrap graphkit's own functions; nothing in graphkit knows
about them.

``KILL_AT_START=empty|copy`` in the environment makes an import start its
generation that way whatever the graphs' sizes (:func:`graphkit.store.votes._start_for`
chooses by size, and the test fixtures are too small to reach both ways).
"""
from __future__ import annotations

import os
import signal
import sys


def die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def install(point: str) -> None:
    import graphkit.store.generations as gen
    import graphkit.store.votes as votes

    start = os.environ.get("KILL_AT_START")
    if start:
        votes._start_for = lambda graph, current: start

    if point == "writer":
        enter = gen.StoreWriter.__enter__

        def entered(self):
            result = enter(self)
            die()
            return result
        gen.StoreWriter.__enter__ = entered
    elif point == "before-commit":
        commit = gen.StoreWriter.commit

        def before_commit(self, manifest):
            self.store.flush()
            die()
            return commit(self, manifest)
        gen.StoreWriter.commit = before_commit
    elif point.startswith("phase:"):
        words = point[6:]
        phase = votes.ImportProgress.phase

        def entering(self, name, total=None):
            if name.startswith(words):
                die()
            return phase(self, name, total)
        votes.ImportProgress.phase = entering
    elif point in ("before-manifest", "after-manifest", "before-pointer", "after-pointer"):
        when, what = point.split("-")
        target = gen.MANIFEST_NAME if what == "manifest" else gen.POINTER
        real = os.replace

        class _Os:
            def __getattr__(self, name):
                return getattr(os, name)

            @staticmethod
            def replace(src, dst):
                hit = os.path.basename(str(dst)) == target
                if hit and when == "before":
                    die()
                real(src, dst)
                if hit and when == "after":
                    die()
        gen.os = _Os()
    elif point == "prune":
        rmtree = gen.shutil.rmtree

        class _Shutil:
            def __getattr__(self, name):
                return getattr(gen.shutil_module, name)

            @staticmethod
            def rmtree(path, ignore_errors=False):
                rmtree(path, ignore_errors=ignore_errors)
                die()
        gen.shutil_module = gen.shutil
        gen.shutil = _Shutil()
    elif point != "none":
        raise SystemExit(f"unknown point {point!r}")


if __name__ == "__main__":
    install(sys.argv[1])
    from graphkit.cli import main

    main(args=sys.argv[2:], prog_name="graphkit")
