# Generates qrels.synthetic and results.synthetic (synthetic data, no external source).
# The out.synthetic.* files were then made with trec_eval 10.0 itself; see README.
import random
random.seed(20261129)
qrels, run = [], []
for qi, qid in enumerate(["401", "402", "403", "404", "405", "406"]):
    docs = [f"DOC-{qi}-{i:03d}" for i in range(60)]
    judged = random.sample(docs, 35)
    for d in judged:
        g = random.choices([0, 1, 2, 3, 4, -1], weights=[50, 15, 8, 4, 2, 6])[0]
        qrels.append(f"{qid} 0 {d} {g}")
    if qid == "405":
        continue  # judged but not retrieved: exercises -c
    retr = random.sample(docs, random.randint(15, 50))
    for rank, d in enumerate(retr):
        score = random.choice([round(random.uniform(0, 20), 4), float(random.randint(0, 8))])
        run.append(f"{qid} Q0 {d} {rank + 1} {score} synthetic")
for i in range(5):
    run.append(f"499 Q0 DOC-x-{i} {i + 1} {5 - i} synthetic")  # query without judgments
random.shuffle(run)
open("qrels.synthetic", "w").write("\n".join(qrels) + "\n")
open("results.synthetic", "w").write("\n".join(run) + "\n")
