#!/usr/bin/env python3
"""Builds fixtures/ from the FANG-COVID corpus (run once; deterministic)."""
import gzip, json, os, random, shutil, io

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', '..', 'shared', 'corpus', 'fang-covid.jsonl.gz')
SEED = os.path.join(HERE, '..', '..', 'shared', 'seed', '000_c3c6136b832743cd.txt')
OUT = os.path.join(HERE, '..', 'fixtures')

raw = []
with gzip.open(CORPUS, 'rb') as f:
    for line in f:
        raw.append(line.rstrip(b'\n'))
def row(i): return json.loads(raw[i])
def rawline(i):
    b = raw[i]
    assert json.dumps(json.loads(b), ensure_ascii=False).encode() == b, i
    return b + b'\n'

# ---- selection: (corpus line index, feature) ----
SAMPLE = [
    (29884, 'Nawalny (in the title only)'),
    (21488, 'Nawalny (body); Außenminister, Maßnahmen, äußerst'),
    (4241,  'Test-Pflicht (hyphenated)'),
    (12095, 'Testpflicht, Corona-Testpflicht (solid + hyphenated); hard line breaks inside sentences'),
    (37550, 'duplicate url (second copy in more.jsonl.gz); header padded with newlines and spaces; Außenministerium, Maßnahmen, COVID-19'),
    (1203,  'duplicate body of https://www.compact-online.de/utes-moma-20-7-bekennender-deutschlandhasser-yuecel-erhaelt-drohmail/ (other title, other date); header ends in tabs'),
    (20052, 'Grüne, Anti-Corona-Maßnahmen, Home-Office'),
    (40950, 'soft hyphen (U+00AD) inside a title word: emp<U+00AD>fiehlt; Gesichtsmaskenpflicht'),
    (39343, 'control character \\r (CRLF inside the body); header with an inner newline; date without time'),
    (35885, 'rubikon.news; date without time'),
    (207,   'pravda-tv.com; Corona-Krise, Herdenimmunität'),
    (34791, 'Corona-Maßnahmen, Maskenpflicht, Pflichtimpfung; empty paragraph'),
]
MORE = [
    (37550, 'duplicate url (identical copy of the one in corpus-sample.jsonl)'),
    (1836,  'duplicate body of https://www.compact-online.de/utes-moma-23-8-missachten-von-corona-vorschriften-kostet-bis-zu-3000-euro-strafe/'),
    (30359, 'Nawalnys (genitive only, never plain Nawalny); Grünen'),
    (40655, 'Drosten-Studie (hyphenated)'),
    (2488,  'control character U+0008 (backspace) inside a word: schließ<U+0008>en; longest article (10.6 KB)'),
    (5927,  'Grüne/Grünen (many); kopp-report.de; date without time'),
    (35312, 'AfD-Politiker, AfD-Abgeordnete, Corona-Krise; anonymousnews.ru'),
]
FEED = [
    (10177, 'U+2028 line separators in the body'),
    (41063, 'zero-width spaces (U+200B) glued to Impfstoff'),
    (39033, 'Außenminister, Sputnik; header padded with newlines'),
]
SINGLE = (26802, 'Außenminister, Bundesaußenminister, Covid-19-Erkrankung')
ARRAY = [
    (18913, 'shortest article (305 bytes)'),
    (34853, 'Covid-19 in the title; runs of empty lines'),
    (5872,  'date "2021-03-3" (day not zero-padded, as 63 kopp-report.de dates are)'),
]
TXT = [  # (file, index, feature, crlf)
    ('zeit-impfstoff.txt', 13498, 'Impfstoff, Impfstoffkandidat, Vektorimpfstoff, Phase-II-Studie', False),
    ('sz-starkbierfest.txt', 20507, 'CRLF line endings, no final newline; Grüne, Maßnahmen', True),
    ('tagesspiegel-dirigent.txt', 27225, 'Covid-19, Covid-19-Infektion', False),
    ('rt-corona-krise.txt', 38329, 'Corona-Krise, Corona-Maßnahmen; title was padded with whitespace in the corpus', False),
]
BROKEN = {'bad-line': [36957, 2800], 'truncated': [33507, 6382], 'latin1': 18592,
          'wrong-type': [19944, 17766], 'no-text': 19481}

if os.path.exists(OUT):
    for name in os.listdir(OUT):
        p = os.path.join(OUT, name)
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
A = os.path.join(OUT, 'articles'); B = os.path.join(OUT, 'broken')
os.makedirs(os.path.join(A, 'txt')); os.makedirs(B)

def write(path, data):
    with open(path, 'wb') as f: f.write(data)

def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename='', mode='wb', fileobj=buf, mtime=0) as g: g.write(data)
    return buf.getvalue()

table = []   # (file, url/path, source, date, feature)
manifest = {}

shutil.copyfile(SEED, os.path.join(A, 'seed.txt'))
manifest['articles/seed.txt'] = None
table.append(('articles/seed.txt', 'articles/seed.txt', 'russland.news (per its `[hrsg/russland.NEWS]` line)', '—',
              'scraped .txt layout: caption glued to line-1 title, clean title on line 3, lead, `[hrsg/russland.NEWS]` and `COMMENTS` trailer; Außenminister, Lawrow'))

def jsonl_file(name, sel, compress=False):
    data = b''.join(rawline(i) for i, _ in sel)
    write(os.path.join(A, name), gz(data) if compress else data)
    manifest['articles/' + name] = [row(i)['url'] for i, _ in sel]
    for i, feat in sel:
        r = row(i); table.append(('articles/' + name, r['url'], r['source'], r['date'], feat))

jsonl_file('corpus-sample.jsonl', SAMPLE)
jsonl_file('more.jsonl.gz', MORE, compress=True)

authors = [['Max Mustermann'], ['Erika Mustermann', 'Max Mustermann'], []]
lines = []
for k, (i, feat) in enumerate(FEED):
    r = row(i)
    o = {'title': r['header'], 'text': r['article']}
    if k != 1: o['description'] = ''
    o.update({'date_publish': r['date'], 'source_domain': r['source'], 'url': r['url'], 'authors': authors[k]})
    lines.append(json.dumps(o, ensure_ascii=False))
    table.append(('articles/feed.ndjson', r['url'], r['source'], r['date'], feat))
write(os.path.join(A, 'feed.ndjson'), ('\n'.join(lines) + '\n').encode())
manifest['articles/feed.ndjson'] = [row(i)['url'] for i, _ in FEED]

i, feat = SINGLE; r = row(i)
o = {'headline': r['header'], 'body': r['article'], 'published': r['date'], 'publisher': r['source'],
     'link': r['url'], 'author': 'Tsp, dpa'}
write(os.path.join(A, 'single.json'), (json.dumps(o, ensure_ascii=False, indent=2) + '\n').encode())
manifest['articles/single.json'] = [r['url']]
table.append(('articles/single.json', r['url'], r['source'], r['date'], feat))

arr = [row(i) for i, _ in ARRAY]
write(os.path.join(A, 'array.json'), (json.dumps(arr, ensure_ascii=False, indent=1) + '\n').encode())
manifest['articles/array.json'] = [r['url'] for r in arr]
for i, feat in ARRAY:
    r = row(i); table.append(('articles/array.json', r['url'], r['source'], r['date'], feat))

def txt_layout(r, nl='\n', final=True):
    title = r['header'].strip()
    assert '\n' not in title
    paras = [p.strip() for p in r['article'].split('\n') if p.strip()]
    s = nl.join([title, ''] + [x for p in paras for x in (p, '')][:-1])
    return s + (nl if final else '')
for name, i, feat, crlf in TXT:
    r = row(i)
    s = txt_layout(r, '\r\n' if crlf else '\n', final=not crlf)
    write(os.path.join(A, 'txt', name), s.encode('utf-8'))
    manifest['articles/txt/' + name] = None
    table.append(('articles/txt/' + name, 'articles/txt/' + name, r['source'], r['date'], feat + f' (from {r["url"]})'))

# ---- broken ----
a, b = BROKEN['bad-line']
badline = b'{"url": "https://example.invalid/kaputte-zeile", "date": "2020-12-01T10:00:00+01:00", "source": "example.invalid", "header": "Kaputte Zeile" "article": "Diese Zeile ist kein g\xc3\xbcltiges JSON: zwischen header und article fehlt das Komma."}\n'
write(os.path.join(B, 'bad-line.jsonl'), rawline(a) + badline + rawline(b))
write(os.path.join(B, 'empty.json'), b'')
rng = random.Random(20210301)
bin_ = bytearray(rng.randrange(256) for _ in range(300))
for pos in (0, 7, 64, 150, 151, 299): bin_[pos] = 0
bin_[1:4] = b'\xff\xfe\xc3'
write(os.path.join(B, 'binary.txt'), bytes(bin_))
full = gz(b''.join(rawline(i) for i in BROKEN['truncated']))
write(os.path.join(B, 'truncated.jsonl.gz'), full[:len(full) // 2])
r = row(BROKEN['latin1'])
write(os.path.join(B, 'latin1.txt'), txt_layout(r).encode('cp1252'))
a, b = BROKEN['wrong-type']
ra = row(a); ra['header'] = 20200722
write(os.path.join(B, 'wrong-type.jsonl'), (json.dumps(ra, ensure_ascii=False) + '\n').encode() + rawline(b))
r = row(BROKEN['no-text'])
write(os.path.join(B, 'no-text.json'), (json.dumps({'url': r['url'], 'date': r['date']}, ensure_ascii=False, indent=2) + '\n').encode())

# ---- manifest ----
urls = [u for k, v in manifest.items() if v for u in v]
dist = len(set(urls)) + sum(1 for v in manifest.values() if v is None)
manifest['duplicate_body_urls'] = [row(1203)['url'], row(1836)['url']]
manifest['duplicate_url'] = row(37550)['url']
manifest['distinct_articles'] = dist
write(os.path.join(OUT, 'MANIFEST.json'), (json.dumps(manifest, ensure_ascii=False, indent=2) + '\n').encode())

import pickle
pickle.dump({'table': table, 'broken': BROKEN}, open('/tmp/fx/table.pkl', 'wb'))
print('entries', len(urls), 'distinct', dist)

# ---- README ----
def esc(s): return s.replace('|', '\\|').replace('\n', ' ')
srcs = sorted({t[2] for t in table if not t[2].startswith('russland')})
L = []
L.append('# Test fixtures\n')
L.append('Real German news articles for the tests of presse, plus deliberately broken files.\n')
L.append('## Source and licence\n')
L.append('The articles come from the FANG-COVID corpus (Mattern, Qiao, Kerz, Wiechmann, Strohmaier: '
         '"FANG-COVID: A New Large-Scale Benchmark Dataset for Fake News Detection in German", FEVER workshop 2021), '
         f'{len(set(u for v in manifest.values() if isinstance(v, list) for u in v)) + len(TXT)} articles from {len(srcs)} outlets, '
         'dated 2020 and 2021. `articles/seed.txt` is a scraped russland.news article, kept as scraped. '
         'The texts belong to their publishers; a few articles are kept here for testing only. The `label` key '
         '(real/fake) is the corpus\' metadata and is not a judgement made here.\n')
L.append('Texts are kept byte for byte as in the corpus, stray whitespace and control characters included, except '
         'where a file\'s layout says otherwise (txt files: title stripped, paragraphs stripped and separated by blank lines). '
         'The `authors`/`author` values in `feed.ndjson` and `single.json` are not in the corpus: the feed uses the '
         'placeholder names Max and Erika Mustermann, `single.json` the credit line at the end of its text ("Tsp, dpa").\n')
L.append('## Files\n')
L.append('| file | what it holds and what it is for |\n|---|---|')
files = [
 ('MANIFEST.json', 'machine-readable list for the tests: each `articles/` file → its article urls (`null` for txt files), `duplicate_body_urls`, `duplicate_url`, `distinct_articles`'),
 ('articles/corpus-sample.jsonl', f'{len(SAMPLE)} articles, one JSON object per line, the corpus keys (`url date source label header article`), lines copied verbatim from the corpus'),
 ('articles/more.jsonl.gz', f'{len(MORE)} articles as gzip-compressed JSON lines (same keys); holds the second copy of the duplicate url — re-indexing must replace, not double'),
 ('articles/feed.ndjson', f'{len(FEED)} articles in a news-please-like export convention: `title text description date_publish source_domain url authors` (`description` empty or missing, `authors` an array, one empty)'),
 ('articles/single.json', '1 article as one JSON object with keys `headline body published publisher link author` (`author` a plain string)'),
 ('articles/array.json', f'{len(ARRAY)} articles as one JSON array, the corpus keys'),
 ('articles/txt/*.txt', f'{len(TXT)} articles as plain text: title, blank line, paragraphs separated by blank lines; no url, source or date (the id is the path). `sz-starkbierfest.txt` has CRLF line endings and no final newline'),
 ('articles/seed.txt', 'the scraped russland.news article, exact copy: caption glued to the title on line 1, clean title on line 3, lead, body, `[hrsg/russland.NEWS]` and `COMMENTS` trailer lines'),
 ('broken/bad-line.jsonl', f'3 lines: a valid article ({row(BROKEN["bad-line"][0])["url"]}), a line with a JSON syntax error (missing comma; url https://example.invalid/kaputte-zeile), a valid article ({row(BROKEN["bad-line"][1])["url"]}): the two good lines must be indexed, the bad one reported'),
 ('broken/empty.json', '0 bytes: must be skipped with a warning, not crash'),
 ('broken/binary.txt', '300 random bytes (Python `random.Random(20210301)`, NUL bytes forced, not UTF-8): a binary file with a text extension'),
 ('broken/truncated.jsonl.gz', f'a gzip of 2 articles ({row(BROKEN["truncated"][0])["url"]}, {row(BROKEN["truncated"][1])["url"]}) cut in half: unexpected end of the gzip stream'),
 ('broken/latin1.txt', f'a short article in the txt layout encoded in Windows-1252 (ä ö ü ß one byte each: Weßling, überschritten), from {row(BROKEN["latin1"])["url"]}: not UTF-8'),
 ('broken/no-text.json', f'an object with only `url` and `date` ({row(BROKEN["no-text"])["url"]}): no title, no text'),
 ('broken/wrong-type.jsonl', f'line 1: `"header"` is a number ({row(BROKEN["wrong-type"][0])["url"]}); line 2: a valid article ({row(BROKEN["wrong-type"][1])["url"]})'),
 ('README.md', 'this file'),
]
for f, d in files: L.append(f'| `{f}` | {d} |')
L.append('\nIndexing `fixtures/articles/` must work without errors; everything broken lives in `fixtures/broken/`.\n')
L.append('## Articles\n')
L.append(f'{len(table)} entries in `articles/`, {manifest["distinct_articles"]} distinct articles '
         '(one url occurs twice, as in the corpus; two different urls share one body, as in the corpus).\n')
L.append('| file | url (or path) | source | date | chosen for |\n|---|---|---|---|---|')
for f, u, s, d, feat in table:
    L.append(f'| `{f}` | {esc(u)} | {s} | {d} | {esc(feat)} |')
write(os.path.join(OUT, 'README.md'), ('\n'.join(L) + '\n').encode())
