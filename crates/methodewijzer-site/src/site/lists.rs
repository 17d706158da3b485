//! The pages that list methods — all methods, and per dimension (theme, target group, law,
//! recognition level) an overview and a page per value — rendered with the method pages in
//! one batch on all cores.

use std::collections::HashMap;

use minijinja::context;

use super::BuildError;
use super::pages::{self, DIMENSIONS, MethodView, TermView};
use super::render::{Renderer, root_of, v};

impl Renderer<'_> {
    /// Renders the list pages and a page per method (`views`, in catalogue order, and what
    /// lists show of each, `summaries`).
    pub(super) fn render_lists_and_methods(
        &mut self,
        views: &[MethodView],
        summaries: &[minijinja::Value],
    ) -> Result<(), BuildError> {
        let catalogue = self.catalogue;

        // Lists are in name order.
        let mut by_name: Vec<usize> = (0..views.len()).collect();
        by_name.sort_by_cached_key(|&i| methodewijzer::slugify(&views[i].name));
        let mut name_rank = vec![0; views.len()];
        for (rank, &i) in by_name.iter().enumerate() {
            name_rank[i] = rank;
        }
        // A term's page (`thema/wonen/`) lists each of its methods with the entry made once
        // for all term pages: a method is on one per theme, target group, law and level.
        let entries = self.list_entries(summaries, &root_of("thema/x/index.html"), 2)?;
        let list = |members: &mut dyn Iterator<Item = usize>, shown: &[minijinja::Value]| {
            let mut members: Vec<usize> = members.collect();
            members.sort_unstable_by_key(|&i| name_rank[i]);
            minijinja::Value::from(
                members
                    .into_iter()
                    .map(|i| shown[i].clone())
                    .collect::<Vec<_>>(),
            )
        };
        let position: HashMap<&str, usize> = catalogue
            .iter()
            .enumerate()
            .map(|(i, m)| (m.slug.as_str(), i))
            .collect();

        // The list pages: all methods, and per dimension an overview and a page per value.
        // A list holds shared summaries, so holding them all at once costs little.
        let mut lists: Vec<ListPage> = vec![ListPage {
            path: "methoden/".into(),
            template: "methods.html",
            ctx: context! { methods => list(&mut (0..views.len()), summaries), title => self.t("all_methods") },
            size: views.len(),
        }];
        for dimension in DIMENSIONS {
            let members = pages::members(catalogue, dimension.kind);
            let terms: Vec<TermView> = pages::dimension_terms(catalogue, dimension, &members);
            let title = self.t(&format!("dimension_{}", dimension.kind.key()));
            let intro = self.t(&format!("dimension_{}_intro", dimension.kind.key()));
            lists.push(ListPage {
                path: format!("{}/", dimension.segment),
                template: "dimension.html",
                ctx: context! { title => &title, intro => intro, terms => v(&terms) },
                size: terms.len(),
            });
            for term in &terms {
                let empty = Vec::new();
                let slugs = members.get(term.id.as_str()).unwrap_or(&empty);
                let methods = list(&mut slugs.iter().map(|s| position[s]), &entries);
                lists.push(ListPage {
                    path: term.url.clone(),
                    template: "term.html",
                    ctx: context! {
                        title => &term.label,
                        term => v(term),
                        dimension_title => &title,
                        dimension_url => format!("{}/", dimension.segment),
                        // The same list in "Alle methoden", to narrow further with filters.
                        filter_url => format!("methoden/?{}={}", dimension.segment, term.id),
                        methods => methods,
                    },
                    size: slugs.len(),
                });
            }
        }

        // Every page on all cores, in one go: the long lists first, so that while one core
        // renders a list of thousands the other renders method pages, and neither waits at
        // the end for the other's last long list.
        lists.sort_by_key(|page| std::cmp::Reverse(page.size));
        let pages: Vec<Page> = lists
            .iter()
            .map(Page::List)
            .chain(views.iter().map(Page::Method))
            .collect();
        self.render_pages(&pages, |this, page| match page {
            Page::List(list) => this.render_page(&list.path, list.template, list.ctx.clone()),
            Page::Method(view) => this.render_page(
                &view.url,
                "method.html",
                context! { method => v(*view), title => &view.name },
            ),
        })?;
        Ok(())
    }
}

/// A page that lists methods, ready to render.
struct ListPage {
    path: String,
    template: &'static str,
    ctx: minijinja::Value,
    /// How many entries it lists (long lists are rendered first).
    size: usize,
}

/// A page to render.
enum Page<'a> {
    List(&'a ListPage),
    Method(&'a MethodView),
}
