"""Output keys of the records generator: what decides that a file is current.

A mixin of RecordsGenerator (generator.py), kept apart from the rendering: every
output passes through `output(path, key, produce)`, and `records_to_check`
limits which article pages have their keys computed at all. What goes into a
key is described in outputs.py.
"""

from .outputs import (
    canonical_json,
    code_fingerprint,
    digest,
    output_file,
    record_hash,
)


class OutputKeys:
    """Needs from the generator: job, view, common, chain, hashes, previous,
    outputs, related_ids, base_key, related (related.Related), write()."""

    def records_to_check(self):
        """The records whose own page may have changed since the previous build.

        A page's key depends on its record, the shared parts and (news) its
        related articles, its neighbours in its categories. When the shared
        parts are unchanged, only the changed records, the articles that listed
        a changed one as related last time, and the neighbours of changed
        articles now can have new keys; every other page keeps its previous
        entry without its key being computed (the difference between a
        one-article edit costing milliseconds or seconds at 20,000 pages).
        """
        job = self.job
        previous = job.previous
        before = previous.hashes if previous else None
        related_before = previous.related if previous else None
        if (
            previous is None
            or previous.base_key != self.base_key
            or before is None
            or related_before is None
        ):
            return self.view.own
        changed = {i for i, h in self.hashes.items() if before.get(i) != h}
        changed.update(i for i in before if i not in self.hashes)
        check = set(changed)
        for record_id, related in related_before.items():
            if changed.intersection(related):
                check.add(record_id)
        for record_id in changed:
            record = self.view.by_id.get(record_id)
            for category in (record or {}).get("categories") or ():
                neighbours = self.related.neighbours(category.get("slug"), record_id)
                check.update(other["id"] for other in neighbours)
        for fixed in (self.view.home, self.view.about):
            if fixed:
                check.add(fixed["id"])
        records = []
        for record in self.view.own:
            if record["id"] in check:
                records.append(record)
                continue
            rel = output_file(record["url"])
            previous = self.previous.get(rel)
            if previous is None:
                records.append(record)  # no page before (or none at all: an index)
                continue
            self.outputs[rel] = previous
            if record["id"] in related_before:
                self.related_ids[record["id"]] = related_before[record["id"]]
        return records

    def shared_key(self):
        """What every page of this language is made from besides its own records."""
        job = self.job
        return digest(
            canonical_json(
                {
                    "config": job.config,
                    "base_url": job.base_url,
                    "asset_base": job.asset_base,
                    "assets": job.assets,
                    "portal": job.portal,
                    "csp": job.csp,
                    "site_names": job.site_names,
                    "context": self.view.context,
                    "org_ld": self.common["org_ld"],
                    "home_info": self.common["home_info"],
                    "sections": [
                        (kind, index["url"], index["title"]) for kind, index in self.view.sections
                    ],
                }
            ),
            str(self.common["chrome"]["nav"]),
            str(self.common["chrome"]["footer"]),
            code_fingerprint(tuple(str(folder) for folder in self.chain)),
        )

    def rhash(self, record):
        found = self.hashes.get(record["id"])
        if found is None:  # records handed over without hashes (tests, preview)
            found = self.hashes[record["id"]] = record_hash(canonical_json(record))
        return found

    def hashes_of(self, records):
        hashes = self.hashes
        try:  # the common case, without a method call per record
            return ",".join([hashes[r["id"]] for r in records])
        except KeyError:
            return ",".join([self.rhash(r) for r in records])

    def kind_key(self, kind):
        """The hashes of every item of a section, for its JSON files (computed once)."""
        found = self._kind_keys.get(kind)
        if found is None:
            found = self._kind_keys[kind] = digest(self.hashes_of(self.view.items[kind]))
        return found

    def output(self, path, key, produce):
        """Write `produce()` at `path` unless the previous build wrote it with this key."""
        rel = output_file(path)
        full_key = digest(self.base_key, key)
        previous = self.previous.get(rel)
        if previous is not None and previous[0] == full_key:
            self.outputs[rel] = previous
            return
        self.write(path, produce(), key=full_key)

    def listing_key(self, shared):
        """The parts of a listing's pages that are the same on each of its pages.

        The facet links are the same for every filtered listing of a section:
        serialised once per section, not once per filter value.
        """
        facet_links = shared["facet_links"]
        cached = self._facet_keys.get(id(facet_links))
        if cached is None or cached[0] is not facet_links:
            serialised = canonical_json([(facet.name, links) for facet, links in facet_links])
            cached = self._facet_keys[id(facet_links)] = (facet_links, digest(serialised))
        index_hash = self.rhash(shared["index"])
        return f"{index_hash}|{cached[1]}|{shared['json_url']}|{shared['feed_url']}"
