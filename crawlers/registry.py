"""Source kinds: each names its options model and its spider (imported lazily, in the crawl process)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from pydantic import BaseModel

from crawlers.api_options import AidesTerritoiresOptions, AppelsProjetsRechercheOptions, EuFundingTendersOptions
from crawlers.options import DispositifAideCsvOptions, OpendatasoftOptions, RssOptions
from crawlers.options_html import AdemeCatalogueOptions, HtmlOptions


@dataclass(frozen=True)
class SourceKind:
    """A kind of source Vigie knows how to crawl."""

    name: str
    options: type[BaseModel]
    spider: str
    """"module:Class" of the spider; only the crawl process imports scrapy."""


KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (
        SourceKind("opendatasoft", OpendatasoftOptions, "crawlers.spiders.opendatasoft:OpendatasoftSpider"),
        SourceKind(
            "dispositif_aide_csv", DispositifAideCsvOptions,
            "crawlers.spiders.dispositif_aide_csv:DispositifAideCsvSpider",
        ),
        SourceKind("rss", RssOptions, "crawlers.spiders.rss:RssSpider"),
        # HTML sites: listing cards + detail pages.
        SourceKind("bpifrance", HtmlOptions, "crawlers.spiders.bpifrance:BpifranceSpider"),
        SourceKind("ademe_catalogue", AdemeCatalogueOptions, "crawlers.spiders.ademe_catalogue:AdemeCatalogueSpider"),
        SourceKind("dge", HtmlOptions, "crawlers.spiders.dge:DgeSpider"),
        SourceKind("banque_territoires", HtmlOptions, "crawlers.spiders.banque_territoires:BanqueTerritoiresSpider"),
        SourceKind("aura", HtmlOptions, "crawlers.spiders.aura:AuraSpider"),
        SourceKind("grandest", HtmlOptions, "crawlers.spiders.grandest:GrandEstSpider"),
        SourceKind("aides_territoires", AidesTerritoiresOptions, "crawlers.spiders.aides_territoires:AidesTerritoiresSpider"),
        SourceKind(
            "appels_projets_recherche", AppelsProjetsRechercheOptions,
            "crawlers.spiders.appels_projets_recherche:AppelsProjetsRechercheSpider",
        ),
        SourceKind("eu_funding_tenders", EuFundingTendersOptions, "crawlers.spiders.eu_funding_tenders:EuFundingTendersSpider"),
    )
}


def spider_class(kind: str) -> type:
    """The spider class of `kind` (KeyError for an unknown kind)."""
    module_name, _, class_name = KINDS[kind].spider.partition(":")
    return getattr(importlib.import_module(module_name), class_name)
