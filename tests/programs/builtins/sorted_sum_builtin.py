# builtins: sum/sorted/reversed/min/max/round together on realistic data (stable orders, numeric towers)
scores = {"ann": [90, 85.5, 77], "bob": [60, 70], "cid": [], "dee": [100, 100, 99.5]}
avgs = {k: (sum(v) / len(v) if v else 0.0) for k, v in scores.items()}
print(avgs)
print(sorted(avgs.items(), key=lambda kv: kv[1], reverse=True))
print(max(avgs, key=avgs.get), min(avgs.values()), round(sum(avgs.values()), 3), round(avgs["ann"], 1))
print(sorted(scores, key=lambda k: len(scores[k])), list(reversed(sorted(scores))), sum([len(v) for v in scores.values()]))
nums = [3, -1.5, 2**40, True, 0, -7]
print(sum(nums), sorted(nums), max(nums), min(nums), round(sum(nums) / len(nums), 4), sorted(nums, key=abs))
print(round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(1234.5, -1), round(-1234.5, -2), round(10**20 + 0.5))
print(divmod(-7, 2), divmod(7.5, -2), pow(3, 4), pow(3, -1), pow(3, 4, 5), pow(-2, 3), pow(2.0, 0.5))
