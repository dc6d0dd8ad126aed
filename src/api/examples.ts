import type { PlaygroundExample } from './playground.js';

/** Ready-to-run queries shown as tabs in the playground. */
export const EXAMPLES: PlaygroundExample[] = [
  {
    name: 'Who met in Tecámac on 12 January 2024',
    query: `query TecamacMeeting {
  events(filter: { place: "tecamac", from: "2024-01-12", to: "2024-01-12" }) {
    nodes {
      title
      date { iso precision inferred }
      venue { name }
      participants {
        person { name }
        posts { role organization { name } jurisdiction { name } }
        citations { document { fileName } start end excerpt }
      }
    }
  }
}`,
  },
  {
    name: 'What Zoé Robledo reported on 9 January 2024',
    query: `query RobledoReport {
  statements(filter: { speaker: "zoe-robledo-aburto", from: "2024-01-09", to: "2024-01-09" }) {
    nodes {
      summary
      date { iso inferred }
      figures { value unit metric label citations { excerpt } }
      commitments { role commitment { summary deadline { iso } start { iso } } }
      citations { document { title publisher } excerpt }
    }
  }
}`,
  },
  {
    name: 'Promises about the Hospital Oncológico de Ecatepec',
    query: `query EcatepecOncology {
  search(query: "Centro de Oncología de Ecatepec", types: [FACILITY], first: 1) {
    node {
      ... on Facility {
        name
        aliases
        commitments {
          summary
          statements { role statement { summary date { iso } speaker { name } sources { fileName } } }
        }
      }
    }
  }
}`,
  },
  {
    name: 'How Pedro Zenteno is connected to López Obrador',
    query: `query ZentenoToAmlo {
  paths(from: "pedro-zenteno-santaella", to: "andres-manuel-lopez-obrador", maxHops: 4, first: 1) {
    length
    hops {
      relationship
      from { id }
      to { id }
      citations { document { fileName } excerpt }
    }
  }
}`,
  },
];
