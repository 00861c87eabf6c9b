"""scikit-learn peer for Sift's reliability model (run with Debian's /usr/bin/python3).

For every split directory under ROOT (train.tsv, test.tsv: label<TAB>text), fits
TF-IDF (word 1-2-grams, sublinear tf) + LogisticRegression with C chosen by
3-fold CV on the training part only, and writes pred.sklearn (P(unreliable)
per test line). Prints total fit time and scoring speed.
"""
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegressionCV
from sklearn.pipeline import make_pipeline


def read(path):
    ys, xs = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            ys.append(int(label))
            xs.append(text)
    return xs, ys


def main(root):
    fit_s = score_s = 0.0
    n_scored = 0
    for train in sorted(Path(root).rglob("train.tsv")):
        d = train.parent
        xs, ys = read(train)
        xt, _ = read(d / "test.tsv")
        model = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
            LogisticRegressionCV(Cs=[0.1, 1, 10, 100], cv=3, max_iter=2000, scoring="neg_log_loss"),
        )
        t0 = time.time()
        model.fit(xs, ys)
        t1 = time.time()
        p = model.predict_proba(xt)[:, 1]
        t2 = time.time()
        fit_s += t1 - t0
        score_s += t2 - t1
        n_scored += len(xt)
        (d / "pred.sklearn").write_text("\n".join(f"{v:.6f}" for v in p) + "\n")
    print(f"sklearn: fit {fit_s:.1f} s over all splits; scoring {n_scored / max(score_s, 1e-9):.0f} articles/s")


if __name__ == "__main__":
    main(sys.argv[1])
