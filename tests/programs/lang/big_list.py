# Lists of millions of values (blocks past the allocator's huge-page threshold): built by
# repetition, grown by append and by +=, strided over, shrunk and freed.

flags = [True] * 600_001
flags[0] = flags[1] = False
i = 2
while i * i <= 600_000:
    if flags[i]:
        for j in range(i * i, 600_001, i):
            flags[j] = False
    i += 1
print(sum(flags), flags[599_999], flags[599_993])

grown = []
for k in range(300_000):
    grown.append(k * 3)
grown += grown
print(len(grown), grown[-1], grown[299_999], sum(grown[::100_000]))
del grown[100:]
print(len(grown), grown[-1])

words = ["w%d" % (k % 97) for k in range(100_000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(len(counts), counts["w5"], sorted(counts.items())[:2])
text = "ab" * 4_500_000
print(len(text), text[8_999_998:], text.count("ba"))
del flags, words, text
