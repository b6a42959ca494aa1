//! From syntax trees to the knowledge base: resolve every name, compute every tenure's
//! timeline, build the indexes, and check the facts for consistency.
//!
//! Compilation never stops at the first problem; like parsing it returns what it could build
//! and a diagnostic for each problem. Entities are collected first, so a statement may refer to
//! an entity defined later or in another file.

use super::hash::FxMap;
use super::*;
use crate::diagnostic::Diagnostic;
use crate::rules::ast::{Head, RuleFile, Span, Statement, Value, When};
use crate::rules::parser::edit_distance;
use crate::source::{FileId, SourceMap};

/// A compiled knowledge base with the problems found on the way.
#[derive(Debug)]
pub struct Compiled {
    /// The knowledge base (complete when there are no errors).
    pub kb: KnowledgeBase,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

struct Site {
    file: FileId,
    span: Span,
}

struct Compiler<'a> {
    sources: &'a SourceMap,
    kb: KnowledgeBase,
    diagnostics: Vec<Diagnostic>,
    /// Where each name key was first given, and to which entity.
    name_sites: FxMap<String, (Entity, Site)>,
    /// Names, as written, that resolved to exactly one entity. Names are only registered in the
    /// entity pass, so once resolution starts a name's entities never change: a statement that
    /// names a person or office already seen costs one hash lookup.
    resolved: FxMap<Box<str>, Entity>,
    /// The last origin computed: (file, offset, line).
    cursor: std::cell::Cell<(u32, usize, u32)>,
}

/// Compiles parsed rule files into a knowledge base.
pub fn compile(files: &[(FileId, RuleFile)], sources: &SourceMap) -> Compiled {
    let mut c = Compiler::new(sources);
    for (file, ast) in files {
        for st in &ast.statements {
            c.entity(*file, st);
        }
    }
    for (file, ast) in files {
        for st in &ast.statements {
            c.links(*file, st);
        }
    }
    for (file, ast) in files {
        for st in &ast.statements {
            c.fact(*file, st);
        }
    }
    c.index();
    c.check_exclusive_overlaps();
    Compiled {
        kb: c.kb,
        diagnostics: c.diagnostics,
    }
}

/// Compiles rule files one at a time, as they are parsed, so that each file's syntax tree can
/// be dropped once it has been read: [`Builder::add`] each file in load order, then
/// [`Builder::finish`]. The knowledge base is the one [`compile`] makes of the same files, and so
/// are the diagnostics, but for their order: sorted by place, as `load_rules` sorts them, they
/// are the same.
///
/// Facts are compiled as soon as every name they use is known (a known name never changes
/// meaning, since a name registered twice keeps its first entity). The first fact with a name
/// not known yet, and every statement after it, waits for `finish` with its file's syntax tree,
/// so that facts still enter the knowledge base in file order; with entities defined before the
/// facts that name them, nothing waits.
pub struct Builder<'s> {
    c: Compiler<'s>,
    /// The `of` links of countries, organizations and offices, resolved once every entity is
    /// known.
    links: Vec<Link>,
    /// Files whose facts wait for `finish`, with the index of their first waiting statement.
    waiting: Vec<(FileId, RuleFile<'s>, usize)>,
}

/// An `of` link as written.
struct Link {
    file: FileId,
    kind: EntityKind,
    name: String,
    of: String,
    span: Span,
}

impl<'s> Builder<'s> {
    /// A builder for rule files read into `sources`.
    pub fn new(sources: &'s SourceMap) -> Self {
        Builder {
            c: Compiler::new(sources),
            links: Vec::new(),
            waiting: Vec::new(),
        }
    }

    /// Reads one parsed file (files must come in load order).
    pub fn add(&mut self, file: FileId, ast: RuleFile<'s>) {
        for st in &ast.statements {
            self.c.entity(file, st);
        }
        for st in &ast.statements {
            if let Head::Entity { kind, name } = &st.head
                && let Some((of, span)) = st.texts("of").next()
            {
                self.links.push(Link {
                    file,
                    kind: *kind,
                    name: name.node.to_string(),
                    of: of.to_string(),
                    span,
                });
            }
        }
        if !self.waiting.is_empty() {
            self.waiting.push((file, ast, 0));
            return;
        }
        let mut wait = None;
        for (i, st) in ast.statements.iter().enumerate() {
            if !self.c.names_known(st) {
                wait = Some(i);
                break;
            }
            self.c.fact(file, st);
        }
        if let Some(i) = wait {
            self.waiting.push((file, ast, i));
        }
    }

    /// The knowledge base of every file added.
    pub fn finish(mut self) -> Compiled {
        for l in std::mem::take(&mut self.links) {
            self.c.link(l.file, l.kind, &l.name, &l.of, l.span);
        }
        for (file, ast, from) in std::mem::take(&mut self.waiting) {
            for st in ast.statements.iter().skip(from) {
                self.c.fact(file, st);
            }
        }
        self.c.index();
        self.c.check_exclusive_overlaps();
        Compiled {
            kb: self.c.kb,
            diagnostics: self.c.diagnostics,
        }
    }
}

fn texts(st: &Statement, name: &str) -> Vec<String> {
    st.texts(name).map(|(t, _)| t.to_string()).collect()
}

impl<'a> Compiler<'a> {
    fn new(sources: &'a SourceMap) -> Self {
        Compiler {
            sources,
            kb: KnowledgeBase {
                files: sources.iter().map(|(_, f)| f.name.clone()).collect(),
                ..KnowledgeBase::default()
            },
            diagnostics: Vec::new(),
            name_sites: FxMap::default(),
            resolved: FxMap::default(),
            cursor: std::cell::Cell::new((u32::MAX, 0, 1)),
        }
    }

    /// Whether a name already means an entity (then it always will).
    fn known(&self, name: &str) -> bool {
        self.resolved.contains_key(name) || !self.kb.lookup(name).is_empty()
    }

    /// Whether every name a fact uses is known, so that compiling it now gives what compiling it
    /// after every entity would.
    fn names_known(&self, st: &Statement) -> bool {
        match &st.head {
            Head::Tenure { person, office, .. } => self.known(&person.node) && self.known(&office.node),
            Head::Quote { speaker, .. } => self.known(&speaker.node),
            Head::Event { .. } | Head::Entity { .. } | Head::Include { .. } => true,
        }
    }
    /// The origin of byte `offset` of `file`: its line is one more than the newlines before it.
    /// Statements are visited in file order, so the newlines are counted on from the last
    /// origin asked for (a search of the line table per statement would cost a cache miss per
    /// step in a large file).
    fn origin(&self, file: FileId, offset: u32) -> Origin {
        let text = self.sources.get(file).text.as_bytes();
        let offset = (offset as usize).min(text.len());
        let (mut at, mut line) = match self.cursor.get() {
            (f, at, line) if f == file.0 && at <= offset => (at, line),
            _ => (0, 1),
        };
        // `get` always finds the range: `at <= offset` (the guard above) and `offset <= text.len()`.
        line += text
            .get(at..offset)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32;
        at = offset;
        self.cursor.set((file.0, at, line));
        Origin { file: file.0, line }
    }

    fn provenance(&self, file: FileId, st: &Statement) -> Provenance {
        Provenance {
            sources: texts(st, "source"),
            origin: Some(self.origin(file, st.keyword.start)),
        }
    }

    fn examples(&self, file: FileId, st: &Statement) -> Vec<Example> {
        st.values("example")
            .filter_map(|v| match &v.node {
                Value::Example(e) => Some(Example {
                    date: e.date,
                    verdict: e.verdict,
                    sentence: e.sentence.to_string(),
                    origin: self.origin(file, v.span.start),
                }),
                _ => None,
            })
            .collect()
    }

    fn warn_unsourced(&mut self, file: FileId, st: &Statement, what: &str) {
        if st.texts("source").next().is_none() {
            self.diagnostics.push(
                Diagnostic::warning("missing-source", format!("this {what} has no source"))
                    .at(file, st.keyword.range(), "no `source`")
                    .help("add `source \"https://…\"` (a URL or a citation) so that readers can check it"),
            );
        }
    }

    /// Registers `name` for `entity`, reporting a name that already means another entity.
    fn register(&mut self, name: &str, entity: Entity, file: FileId, span: Span) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        if let Some((other, site)) = self.name_sites.get(&key) {
            if *other != entity {
                let d = Diagnostic::error("ambiguous-name", format!("`{name}` names two different entities"))
                    .at(file, span.range(), format!("here it names {}", self.describe(entity)))
                    .with(
                        site.file,
                        site.span.range(),
                        format!("here it names {}", self.describe(*other)),
                    )
                    .help("give one of them a more specific alias; a name must say who or what it is");
                self.diagnostics.push(d);
            }
            return;
        }
        self.name_sites.insert(key.clone(), (entity, Site { file, span }));
        self.kb.names.entry(key).or_default().push(entity);
    }

    /// Names an entity for a diagnostic. Every entity was made by `entity` as the index
    /// of what it had just pushed, so the lookups find it; an empty name would be a bug, not input.
    fn describe(&self, e: Entity) -> String {
        match e {
            Entity::Person(p) => format!(
                "the person `{}`",
                self.kb.persons.get(p.index()).map_or("", |p| p.name.as_str())
            ),
            Entity::Body(b) => {
                let body = self.kb.bodies.get(b.index());
                let kind = if body.is_some_and(|b| b.kind == BodyKind::Country) {
                    "country"
                } else {
                    "organization"
                };
                format!("the {kind} `{}`", body.map_or("", |b| b.name.as_str()))
            }
            Entity::Office(o) => format!(
                "the office `{}`",
                self.kb.offices.get(o.index()).map_or("", |o| o.name.as_str())
            ),
        }
    }

    fn entity(&mut self, file: FileId, st: &Statement) {
        let Head::Entity { kind, name } = &st.head else {
            return;
        };
        let provenance = self.provenance(file, st);
        let aliases = texts(st, "aka");
        let entity = match kind {
            EntityKind::Person => {
                let id = PersonId(self.kb.persons.len() as u32);
                self.kb.persons.push(Person {
                    name: name.node.to_string(),
                    aliases: aliases.clone(),
                    wikidata: st.word("wikidata").map(str::to_string),
                    pronoun: st.word("pronoun").map(str::to_string),
                    provenance,
                });
                Entity::Person(id)
            }
            EntityKind::Country | EntityKind::Organization => {
                let id = BodyId(self.kb.bodies.len() as u32);
                self.kb.bodies.push(Body {
                    name: name.node.to_string(),
                    kind: if *kind == EntityKind::Country {
                        BodyKind::Country
                    } else {
                        BodyKind::Organization
                    },
                    aliases: aliases.clone(),
                    org_kind: st.word("kind").map(str::to_string),
                    adjectives: texts(st, "adjective"),
                    possessives: texts(st, "possessive"),
                    of: None,
                    provenance,
                });
                Entity::Body(id)
            }
            EntityKind::Office => {
                let id = OfficeId(self.kb.offices.len() as u32);
                self.kb.offices.push(Office {
                    name: name.node.to_string(),
                    aliases: aliases.clone(),
                    titles: texts(st, "title"),
                    of: None,
                    exclusive: st.has_flag("exclusive"),
                    open: st.has_flag("open"),
                    provenance,
                });
                Entity::Office(id)
            }
        };
        let key = name_key(&name.node);
        if let Some((other, site)) = self.name_sites.get(&key)
            && std::mem::discriminant(other) == std::mem::discriminant(&entity)
        {
            let d = Diagnostic::error(
                "duplicate",
                format!("{} `{}` is defined twice", kind.keyword(), name.node),
            )
            .at(file, name.span.range(), "defined again here")
            .with(site.file, site.span.range(), "first defined here")
            .help("merge the two statements into one");
            self.diagnostics.push(d);
            return;
        }
        self.register(&name.node, entity, file, name.span);
        for (alias, span) in st.texts("aka") {
            self.register(alias, entity, file, span);
        }
    }

    /// Resolves a name to an entity of the wanted kinds, reporting unknown and ambiguous names.
    fn resolve(&mut self, name: &str, span: Span, file: FileId, want: &[&str]) -> Option<Entity> {
        let fits = |e: &Entity| match e {
            Entity::Person(_) => want.contains(&"person"),
            Entity::Body(_) => want.contains(&"country") || want.contains(&"organization"),
            Entity::Office(_) => want.contains(&"office"),
        };
        if let Some(e) = self.resolved.get(name)
            && fits(e)
        {
            return Some(*e);
        }
        let found: Vec<Entity> = self.kb.lookup(name).to_vec();
        if let [one] = found.as_slice() {
            self.resolved.insert(name.into(), *one);
        }
        let matching: Vec<Entity> = found.iter().copied().filter(fits).collect();
        if let [one] = matching.as_slice() {
            return Some(*one);
        }
        let wanted = want.join(" or ");
        match (matching.as_slice(), found.first()) {
            ([one], _) => Some(*one),
            ([], Some(first)) => {
                let d = Diagnostic::error("unknown-name", format!("`{name}` is not a {wanted}")).at(
                    file,
                    span.range(),
                    format!("this is {}", self.describe(*first)),
                );
                self.diagnostics.push(d);
                None
            }
            ([], None) => {
                let mut d = Diagnostic::error("unknown-name", format!("unknown {wanted} `{name}`")).at(
                    file,
                    span.range(),
                    format!("no {wanted} has this name or alias"),
                );
                if let Some(s) = self.suggest(name, &fits) {
                    d = d.help(format!("did you mean `{s}`?"));
                } else {
                    // `want` is one of the callers' non-empty literal lists.
                    let keyword = want.first().copied().unwrap_or_default();
                    d = d.help(format!("define it first, e.g. `{keyword} \"{name}\"`"));
                }
                self.diagnostics.push(d);
                None
            }
            _ => {
                let d = Diagnostic::error("ambiguous-name", format!("`{name}` could mean several entities")).at(
                    file,
                    span.range(),
                    "use the canonical name",
                );
                self.diagnostics.push(d);
                None
            }
        }
    }

    fn suggest(&self, name: &str, fits: &dyn Fn(&Entity) -> bool) -> Option<String> {
        let key = name_key(name);
        let limit = (key.chars().count() / 3).clamp(1, 3);
        self.kb
            .names
            .iter()
            .filter(|(_, es)| es.iter().any(fits))
            // Not empty: one of them fits.
            .filter_map(|(k, es)| Some((edit_distance(&key, k), k, *es.first()?)))
            .filter(|(d, _, _)| *d <= limit)
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
            .and_then(|(_, _, e)| match e {
                Entity::Person(p) => self.kb.persons.get(p.index()).map(|p| p.name.clone()),
                Entity::Body(b) => self.kb.bodies.get(b.index()).map(|b| b.name.clone()),
                Entity::Office(o) => self.kb.offices.get(o.index()).map(|o| o.name.clone()),
            })
    }

    /// Resolves `of` links of countries, organizations and offices.
    fn links(&mut self, file: FileId, st: &Statement) {
        let Head::Entity { kind, name } = &st.head else {
            return;
        };
        let Some((of, span)) = st.texts("of").next() else {
            if *kind == EntityKind::Office {
                // An office of nothing can still be claimed by its full name.
            }
            return;
        };
        let of = of.to_string();
        self.link(file, *kind, &name.node, &of, span);
    }

    /// Links the entity `name` (a statement of `kind`) to the body named `of`.
    fn link(&mut self, file: FileId, kind: EntityKind, name: &str, of: &str, span: Span) {
        let target = match self.resolve(of, span, file, &["country", "organization"]) {
            Some(Entity::Body(b)) => b,
            _ => return,
        };
        let this = self.kb.lookup(name).to_vec();
        for e in this {
            match (kind, e) {
                (EntityKind::Office, Entity::Office(o)) => {
                    if let Some(office) = self.kb.offices.get_mut(o.index()) {
                        office.of = Some(target);
                    }
                }
                (EntityKind::Country | EntityKind::Organization, Entity::Body(b)) => {
                    if self.kb.body_chain(Some(target)).contains(&b) {
                        self.diagnostics.push(
                            Diagnostic::error("of-cycle", format!("`{name}` would belong to itself")).at(
                                file,
                                span.range(),
                                "this `of` makes a loop",
                            ),
                        );
                    } else if let Some(body) = self.kb.bodies.get_mut(b.index()) {
                        body.of = Some(target);
                    }
                }
                _ => {}
            }
        }
    }

    fn fact(&mut self, file: FileId, st: &Statement) {
        match &st.head {
            Head::Tenure {
                kind,
                person,
                office,
                from,
                to,
            } => {
                self.warn_unsourced(file, st, "tenure");
                let p = self.resolve(&person.node, person.span, file, &["person"]);
                let o = self.resolve(&office.node, office.span, file, &["office"]);
                if let Some(to) = to
                    && !bounds_in_order(from.node, to.node)
                {
                    self.diagnostics.push(
                        Diagnostic::error("end-before-start", "this tenure ends before it starts")
                            .at(file, to.span.range(), "the end")
                            .with(file, from.span.range(), "is before the start")
                            .help("check the order of `from` and `to`"),
                    );
                    return;
                }
                let (Some(Entity::Person(p)), Some(Entity::Office(o))) = (p, o) else {
                    return;
                };
                let (possible, certain) = timeline(from.node, to.as_ref().map(|t| t.node));
                self.kb.tenures.push(Tenure {
                    person: p,
                    office: o,
                    kind: *kind,
                    from: from.node,
                    to: to.as_ref().map(|t| t.node),
                    possible,
                    certain,
                    provenance: self.provenance(file, st),
                    examples: self.examples(file, st),
                });
            }
            Head::Event { name, when } => {
                self.warn_unsourced(file, st, "event");
                let date = match when.node {
                    When::On(d) => EventDate::On(d),
                    When::Range(a, b) => {
                        if b.last_day() < a.first_day() {
                            self.diagnostics.push(
                                Diagnostic::error("end-before-start", "this event ends before it starts").at(
                                    file,
                                    when.span.range(),
                                    "the range is reversed",
                                ),
                            );
                            return;
                        }
                        EventDate::Range(a, b)
                    }
                };
                let id = EventId(self.kb.events.len() as u32);
                let aliases = texts(st, "aka");
                self.kb.event_index.add(id, &name.node);
                for a in &aliases {
                    self.kb.event_index.add(id, a);
                }
                let alternatives = st
                    .values("alternative")
                    .filter_map(|v| match v.node {
                        Value::Date(d) => Some(d),
                        _ => None,
                    })
                    .collect();
                self.kb.events.push(Event {
                    name: name.node.to_string(),
                    aliases,
                    date,
                    alternatives,
                    recurring: st.has_flag("recurring"),
                    provenance: self.provenance(file, st),
                    examples: self.examples(file, st),
                });
            }
            Head::Quote { speaker, on, delivery } => {
                self.warn_unsourced(file, st, "quote");
                let Some(text) = st.texts("text").next().map(|(t, _)| t.to_string()) else {
                    return;
                };
                let speaker = match self.resolve(&speaker.node, speaker.span, file, &["person", "organization"]) {
                    Some(Entity::Person(p)) => Speaker::Person(p),
                    Some(Entity::Body(b)) => Speaker::Body(b),
                    _ => return,
                };
                let id = QuoteId(self.kb.quotes.len() as u32);
                let variants = texts(st, "variant");
                self.kb.quote_index.add(id, &text);
                for v in &variants {
                    self.kb.quote_index.add(id, v);
                }
                self.kb.quotes.push(Quote {
                    speaker,
                    date: on.node,
                    delivery: delivery.node,
                    text,
                    variants,
                    provenance: self.provenance(file, st),
                    examples: self.examples(file, st),
                });
            }
            Head::Entity { .. } | Head::Include { .. } => {}
        }
    }

    fn index(&mut self) {
        let kb = &mut self.kb;
        kb.tenures_by_person = vec![Vec::new(); kb.persons.len()];
        kb.tenures_by_office = vec![Vec::new(); kb.offices.len()];
        // A tenure's person and office were resolved to entities that `entity` pushed, so both
        // lists exist.
        for (i, t) in kb.tenures.iter().enumerate() {
            if let Some(list) = kb.tenures_by_person.get_mut(t.person.index()) {
                list.push(TenureId(i as u32));
            }
            if let Some(list) = kb.tenures_by_office.get_mut(t.office.index()) {
                list.push(TenureId(i as u32));
            }
        }
        let tenures = &kb.tenures;
        for list in kb.tenures_by_person.iter_mut().chain(kb.tenures_by_office.iter_mut()) {
            #[expect(
                clippy::indexing_slicing,
                reason = "Cannot fail: every id in these lists was pushed just above as `TenureId(i)` for an `i` \
                          in `0..tenures.len()`"
            )]
            list.sort_by_key(|t| (tenures[t.index()].possible.first, *t));
        }
        for (i, o) in kb.offices.iter().enumerate() {
            for t in &o.titles {
                let list = kb.offices_by_title.entry(name_key(t)).or_default();
                if !list.contains(&OfficeId(i as u32)) {
                    list.push(OfficeId(i as u32));
                }
            }
        }
        for (i, b) in kb.bodies.iter().enumerate() {
            if let Some(k) = &b.org_kind {
                kb.bodies_by_kind.entry(name_key(k)).or_default().push(BodyId(i as u32));
            }
        }
        for (i, q) in kb.quotes.iter().enumerate() {
            kb.quotes_by_speaker
                .entry(q.speaker)
                .or_default()
                .push(QuoteId(i as u32));
        }
    }

    /// An exclusive office has one holder at a time: the days two tenures certainly cover may
    /// not meet (a shared handover day is fine, as it is never certain).
    fn check_exclusive_overlaps(&mut self) {
        let mut found = Vec::new();
        // `index` made one list per office, of ids of pushed tenures.
        let by_office = self.kb.offices.iter().zip(&self.kb.tenures_by_office);
        for (o, (office, tenures)) in by_office.enumerate() {
            if !office.exclusive {
                continue;
            }
            let mut latest: Option<TenureId> = None;
            for &t in tenures {
                let Some(tenure) = self.kb.tenures.get(t.index()) else {
                    continue;
                };
                if tenure.kind == TenureKind::Elect {
                    continue;
                }
                let Some(c) = tenure.certain else {
                    continue;
                };
                if let Some(prev) = latest {
                    let pc = self.kb.tenures.get(prev.index()).and_then(|p| p.certain).unwrap_or(c);
                    if c.first <= pc.last {
                        found.push((OfficeId(o as u32), prev, t));
                    }
                    if c.last > pc.last {
                        latest = Some(t);
                    }
                } else {
                    latest = Some(t);
                }
            }
        }
        for (o, a, b) in found {
            // The ids were read from the tables above.
            let (Some(office), Some(ta), Some(tb)) = (
                self.kb.offices.get(o.index()),
                self.kb.tenures.get(a.index()),
                self.kb.tenures.get(b.index()),
            ) else {
                continue;
            };
            let name = |t: &Tenure| self.kb.speaker_name(Speaker::Person(t.person)).to_string();
            let (Some(oa), Some(ob)) = (ta.provenance.origin, tb.provenance.origin) else {
                continue;
            };
            let range = |o: Origin| self.sources.get(FileId(o.file)).line_range(o.line as usize);
            let d = Diagnostic::error(
                "overlap",
                format!("two holders of the exclusive office `{}` at once", office.name),
            )
            .at(
                FileId(ob.file),
                range(ob),
                format!("{} from {}", name(tb), tb.start_text()),
            )
            .with(
                FileId(oa.file),
                range(oa),
                format!("{} until {}", name(ta), ta.end_text().unwrap_or_else(|| "now".into())),
            )
            .help("one of the dates is wrong, or the office is not exclusive");
            self.diagnostics.push(d);
        }
    }
}

/// Whether the end bound can come on or after the start bound.
fn bounds_in_order(from: Bound, to: Bound) -> bool {
    let earliest_start = match from {
        Bound::On(d) | Bound::After(d) => Some(d.first_day()),
        Bound::Before(_) | Bound::Unknown => None,
    };
    let latest_end = match to {
        Bound::On(d) | Bound::Before(d) => Some(d.last_day()),
        Bound::After(_) | Bound::Unknown => None,
    };
    match (earliest_start, latest_end) {
        (Some(s), Some(e)) => e >= s,
        _ => true,
    }
}

use crate::rules::ast::EntityKind;

#[cfg(test)]
mod builder_tests {
    use super::*;
    use crate::source::SourceFile;

    fn sources(files: &[&str]) -> SourceMap {
        let mut map = SourceMap::new();
        for (i, text) in files.iter().enumerate() {
            let name = format!("f{i}.fc");
            map.add(SourceFile::new(name.clone().into(), name, text.to_string()));
        }
        map
    }

    /// What a compilation gives, in a comparable form: every table, and the diagnostics sorted
    /// by place as `load_rules` sorts them.
    fn summary(c: Compiled) -> String {
        let mut diagnostics = c.diagnostics;
        diagnostics.sort_by_key(|d| d.primary.as_ref().map(|l| (l.file, l.range.start)));
        let kb = c.kb;
        let people: Vec<_> = kb
            .persons
            .iter()
            .map(|p| (&p.name, kb.lookup(&p.name).to_vec()))
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{people:?}\n{:?}\n{:?}\n{diagnostics:?}",
            kb.persons,
            kb.bodies,
            kb.offices,
            kb.tenures,
            kb.events,
            kb.quotes,
            (0..kb.persons.len())
                .map(|p| kb.tenures_of_person(PersonId(p as u32)).to_vec())
                .collect::<Vec<_>>(),
            (0..kb.offices.len())
                .map(|o| kb.tenures_of_office(OfficeId(o as u32)).to_vec())
                .collect::<Vec<_>>(),
        )
    }

    fn both(files: &[&str]) -> (String, String) {
        let map = sources(files);
        let parsed: Vec<(FileId, RuleFile)> = map
            .iter()
            .map(|(id, f)| (id, crate::rules::parse_file(id, &f.text).0))
            .collect();
        let whole = summary(compile(&parsed, &map));
        let mut b = Builder::new(&map);
        for (id, ast) in parsed {
            b.add(id, ast);
        }
        (whole, summary(b.finish()))
    }

    #[test]
    fn building_file_by_file_compiles_what_compiling_all_at_once_does() {
        // Entities before their facts: nothing waits.
        let (a, b) = both(&[
            "country \"Israel\"\nperson \"Yoav Gallant\" {\n    aka \"Gallant\"\n}\n",
            "office \"Minister of Defense of Israel\" {\n    of \"Israel\"\n    title \"Defense Minister\"\n    exclusive\n}\n",
            "tenure \"Gallant\" \"Minister of Defense of Israel\" from 2022-12-29 to 2024-11-07 {\n    source \"s\"\n}\n\
             tenure \"Yoav Gallant\" \"Minister of Defense of Israel\" from 2024-01-01 {\n    source \"s\"\n}\n\
             event \"E\" on 2024-11-21 {\n    aka \"warrants\"\n}\n\
             quote \"Gallant\" on 2024-11-21 said {\n    text \"We will not stop.\"\n}\n",
        ]);
        assert_eq!(a, b);
        assert!(a.contains("overlap"), "{a}");
        // Facts before the entities they name, names used before they are defined, unknown
        // and ambiguous names, duplicates, a loop of `of`, an `of` naming a later body.
        let (a, b) = both(&[
            "event \"First\" on 2020\n\
             tenure \"Ada Lovelace\" \"Chair of the Club\" from 2020 to 2019\n\
             tenure \"Nobody\" \"Chair of the Club\" from 2020\n\
             quote \"Ada\" on 2021-01-01 post {\n    text \"Hello there.\"\n}\n\
             tenure \"Ada\" \"Chair\" from 2020 {\n    source \"s\"\n}\n",
            "person \"Ada Lovelace\" {\n    aka \"Ada\"\n}\n\
             office \"Chair of the Club\" {\n    aka \"Chair\"\n    of \"The Club\"\n    exclusive\n}\n\
             organization \"A\" {\n    of \"B\"\n}\n\
             organization \"B\" {\n    of \"A\"\n}\n\
             person \"Ada Lovelace\"\n\
             person \"Ada Byron\" {\n    aka \"Ada\"\n}\n\
             tenure \"Ada Lovelace\" \"Chair of the Club\" from 2019 to 2021\n",
            "organization \"The Club\" {\n    kind club\n}\n\
             tenure \"Ada Byron\" \"Chair\" from 2018 to 2019 {\n    source \"s\"\n}\n\
             tenure \"Ada Byronn\" \"Chair\" from 2018\n",
        ]);
        assert_eq!(a, b);
        assert!(a.contains("unknown-name") && a.contains("ambiguous-name") && a.contains("duplicate"));
        assert!(a.contains("of-cycle") && a.contains("end-before-start"), "{a}");
    }
}
