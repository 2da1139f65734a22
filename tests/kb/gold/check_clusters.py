import collections
import json

ex=set()
for f in ['/work/shared/devset/docs.jsonl','/work/main/tests/gold/docs.jsonl','/work/main/corpus/articles.jsonl']:
    for l in open(f):
        if l.strip(): ex.add(json.loads(l)['id'])
ids={}
for c in ['reuters','doj','bbc']:
    ids[c]=set(json.loads(l)['id'] for l in open(f'/work/shared/corpora/{c}.jsonl'))
rows=[json.loads(l) for l in open('/work/main/tests/kb/gold/clusters.jsonl')]
keys={'article','corpus','cluster','type','anchor','split','note'}
for r in rows:
    assert set(r)==keys, r
    assert r['article'] in ids[r['corpus']], r
    assert r['article'] not in ex, r
    assert r['type'] in {'FINE','LAWSUIT','SETTLEMENT','INVESTIGATION'}
    assert r['split'] in {'tune','test'}
pairs=[(r['article'],r['cluster']) for r in rows]; assert len(pairs)==len(set(pairs))
cl=collections.defaultdict(list)
for r in rows: cl[r['cluster']].append(r)
for c,v in cl.items():
    assert len({r['split'] for r in v})==1 and len({r['type'] for r in v})==1, c
    assert len({r['article'] for r in v})==len(v), c
for s in ['tune','test']:
    sr=[r for r in rows if r['split']==s]
    multi=[c for c,v in cl.items() if v[0]['split']==s and len(v)>=2]
    arts_multi={r['article'] for r in sr if r['cluster'] in multi}
    arts={r['article'] for r in sr}
    hn=[r for r in sr if r['note'].startswith('HARD NEG')]
    print(s,'items',len(sr),'articles',len(arts),'clusters',len({r['cluster'] for r in sr}),'multi-clusters',len(multi),'articles in multi',len(arts_multi),'hard-neg items',len(hn),'by corpus',dict(collections.Counter(r['corpus'] for r in sr)), 'distinct art by corpus',dict(collections.Counter(a.split('-')[0] for a in arts)))
t={r['article'] for r in rows if r['split']=='tune'}; e={r['article'] for r in rows if r['split']=='test'}
assert not t&e, t&e
sm=[c for c,v in cl.items() if v[0]['split']=='test' and len(v)>=2]
assert len(sm)>=11 and len({r['article'] for r in rows if r['cluster'] in sm})>=44
assert sum(1 for r in rows if r['split']=='test' and r['note'].startswith('HARD NEG'))>=8
tu=[c for c,v in cl.items() if v[0]['split']=='tune']; assert 4<=len(tu)<=6 and 15<=len(t)<=20
print('OK')
