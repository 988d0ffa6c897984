"""Related articles of a news record: chosen by the editor, else its category neighbours."""

RELATED_COUNT = 3


class Related:
    def __init__(self, view):
        self.view = view
        # {category slug: own news, newest first} and {(slug, id): position in it}
        self.news_by_category = {}
        for other in view.items["news"]:
            if not other.get("canonical"):
                for category in other.get("categories") or ():
                    self.news_by_category.setdefault(category.get("slug"), []).append(other)
        self.category_position = {
            (slug, other["id"]): at
            for slug, others in self.news_by_category.items()
            for at, other in enumerate(others)
        }

    def neighbours(self, slug, record_id):
        """The news near `record_id` in category `slug` (whose pages may show it)."""
        at = self.category_position.get((slug, record_id))
        if at is None:
            return []
        others = self.news_by_category.get(slug, ())
        return others[max(0, at - RELATED_COUNT) : at + RELATED_COUNT + 1]

    def links(self, record):
        return [
            {"title": item["title"], "url": self.view.href(item)} if "kind" in item else item
            for item in self.records(record)
        ]

    def records(self, record):
        """Related articles: records of this site, or links given as {title, url}."""
        related = []
        for item in (record.get("fields") or {}).get("related") or ():
            if isinstance(item, dict) and item.get("url") and item.get("title"):
                related.append(item)
            else:
                found = self.view.record_by_id(item.get("id") if isinstance(item, dict) else item)
                if found:
                    related.append(found)
        if related:
            return related[:RELATED_COUNT]
        # The articles published just before this one in its categories (lists are
        # newest first), then just after it: a page depends on its neighbours only,
        # so an edit re-renders a handful of articles, not a whole category.
        seen = {record["id"]}
        for category in record.get("categories") or ():
            others = self.news_by_category.get(category.get("slug"), ())
            at = self.category_position.get((category.get("slug"), record["id"]))
            if at is None:
                continue
            nearby = [
                *others[at + 1 : at + 1 + RELATED_COUNT],
                *reversed(others[max(0, at - RELATED_COUNT) : at]),
            ]
            for other in nearby:
                if other["id"] not in seen:
                    seen.add(other["id"])
                    related.append(other)
                    if len(related) == RELATED_COUNT:
                        return related
        return related
