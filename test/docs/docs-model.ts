// A model that gives every page of the docs something to say, built with the real parser.
export const DOCS_MODEL = `architecture "Docs | Test" {
  stage design
  description """
    The first paragraph.

    The second one.
  """
}
requirement up "Stays up" { kind availability  target 99.95% }
requirement idle "Nobody does this" { kind functional }
constraint gdpr "GDPR" { kind compliance  standard GDPR }
data profile "Profile" { class pii }
person user "User"
system shop "Shop" {
  service api "API" { technology "Go"  satisfies up  replicas 1 }
  database db "DB" { technology "PostgreSQL"  stores profile }
  system billing "Billing" {
    job invoicer "Invoicer" { technology "Python" }
  }
}
user -> api "uses" { protocol HTTPS  carries profile }
api -> db "stores" { protocol SQL  carries profile }
invoicer -> db "reads" { protocol SQL }
deployment prod "Production" {
  zone a "Zone A" { node vm "VM" { technology "Linux"  runs api x1, db } }
}
decision adr-1 "Use PostgreSQL" { status superseded by adr-2  affects db  rationale "It was there." }
decision adr-2 "Use PostgreSQL 16" { status accepted  date "2026-01-02"  affects db, api  rationale "Newer." }
view overview "Overview" { include * }
`;
