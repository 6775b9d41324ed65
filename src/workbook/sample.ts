import { RatedPartner } from "./scoringSheet";

/**
 * The built-in sample: a mid-size SaaS vendor's partner universe. The playbook's named Big 4 and GSI firms
 * appear as Tier A prospects; every other firm is fictional. Ratings are ICP overlap, market influence,
 * practice alignment, partnership appetite, revenue potential (0–100).
 */
export const SAMPLE_PARTNERS: readonly RatedPartner[] = [
  { name: "Deloitte", type: "Big 4", ratings: [85, 95, 80, 60, 90] },
  { name: "PwC", type: "Big 4", ratings: [80, 90, 70, 55, 85] },
  { name: "EY", type: "Big 4", ratings: [70, 88, 65, 50, 80] },
  { name: "KPMG", type: "Big 4", ratings: [65, 85, 60, 45, 75] },
  { name: "Accenture", type: "GSI", ratings: [82, 92, 85, 70, 95] },
  { name: "Cognizant", type: "GSI", ratings: [60, 70, 55, 65, 70] },
  { name: "Infosys", type: "GSI", ratings: [55, 72, 60, 75, 80] },
  { name: "Meridian Global Systems", type: "GSI", ratings: [45, 60, 40, 50, 65] },
  { name: "Northwind Risk Advisory", type: "Boutique", ratings: [95, 70, 90, 85, 55] },
  { name: "Harbor Lane Consulting", type: "Boutique", ratings: [90, 60, 85, 90, 50] },
  { name: "Quarry Point Analytics", type: "Boutique", ratings: [75, 55, 80, 70, 45] },
  { name: "Bluefin Treasury Partners", type: "Boutique", ratings: [80, 50, 75, 60, 40] },
  { name: "Alder & Finch Advisory", type: "Boutique", ratings: [70, 45, 60, 80, 35] },
  { name: "Copperleaf Compliance Group", type: "Boutique", ratings: [88, 65, 92, 75, 60] },
  { name: "Saltmarsh Digital", type: "Boutique", ratings: [40, 35, 50, 70, 30] },
  { name: "Cascadia Systems Integration", type: "Regional SI", ratings: [70, 55, 65, 80, 60] },
  { name: "Lakeshore Technology Partners", type: "Regional SI", ratings: [60, 50, 55, 65, 55] },
  { name: "Iberia Cloud Integradores", type: "Regional SI", ratings: [55, 45, 50, 85, 50] },
  { name: "Nordlys Consulting AS", type: "Regional SI", ratings: [65, 60, 70, 55, 45] },
  { name: "Kestrel Data Platform", type: "ISV/Product", ratings: [85, 65, 70, 90, 75] },
  { name: "Ledgerline Software", type: "ISV/Product", ratings: [78, 58, 66, 72, 70] },
  { name: "Orbital Workflow Inc.", type: "ISV/Product", ratings: [50, 40, 45, 60, 55] },
  { name: "Tessellate Identity", type: "ISV/Product", ratings: [62, 48, 58, 66, null] },
  { name: "Brightwater Resellers", type: "Long-tail", ratings: [35, 20, 30, 60, 25] },
  { name: "Pinecrest IT Services", type: "Long-tail", ratings: [30, 15, 25, 55, 20] },
  { name: "Marlow Independent Advisors", type: "Long-tail", ratings: [45, 25, 40, 50, 15] },
  { name: "Redwood Valley Solutions", type: "Long-tail", ratings: [28, 18, 22, 40, 18] },
  { name: "Foxglove Partners LLP", type: "Long-tail", ratings: [52, 30, 48, 65, 30] },
];
