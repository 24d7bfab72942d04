"""jieba holds one user dictionary at a time (macros/content/dictionary.to_load).

When the phrase library changes (a new dictionary), jieba starts again from its
own dictionary: an edited-away word is no longer one token, and a word that stays
does not have its frequency added twice. Runs in a child process, which owns its jieba.
"""
from __future__ import annotations

import json
import subprocess
import sys

from macros.base import paths

SCRIPT = r'''
import json, sys
sys.path.insert(0, ".")
import jieba
jieba.setLogLevel(60)
from macros.content import dictionary, phrases

def load(terms):
    phrases.phrase_terms = lambda: terms
    dictionary.load_into_jieba()
    return dictionary.to_load()  # "" when jieba holds the dictionary already

out = {}
out["again"] = [load(["甲乙丙丁戊", "庚辛壬癸子"]), load(["甲乙丙丁戊", "庚辛壬癸子"])]
out["first"] = [jieba.lcut("甲乙丙丁戊"), jieba.lcut("庚辛壬癸子"), jieba.dt.FREQ.get("庚辛壬癸子")]
load(["庚辛壬癸子"])
out["second"] = [jieba.lcut("甲乙丙丁戊"), jieba.lcut("庚辛壬癸子"), jieba.dt.FREQ.get("庚辛壬癸子")]
print(json.dumps(out, ensure_ascii=False))
'''


def test_a_new_dictionary_replaces_the_old_one_in_jieba() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=paths.ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["again"] == ["", ""]  # loaded once; asked again, nothing to load
    assert out["first"] == [["甲乙丙丁戊"], ["庚辛壬癸子"], 100000]
    # 甲乙丙丁戊 left the library: jieba no longer knows it; 庚辛壬癸子 stayed, counted once.
    assert out["second"][0] != ["甲乙丙丁戊"]
    assert out["second"][1:] == [["庚辛壬癸子"], 100000]
