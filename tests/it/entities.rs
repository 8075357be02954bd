//! Entity precision on unseen text: news-like passages written for this test
//! (page furniture, headlines, sentence-initial capitals, months, weekdays,
//! job titles, brand names, quotes), each with the exact set of entities the
//! pipeline must find. A change that adds or loses one shows up here.
//!
//! Capitalisation alone never makes an entity: "Monday", "Advertisement",
//! "Black Friday", "Western Diplomat" and the teaser after "You may also like"
//! must not appear.

use newsgraph::document::{DocId, Document};
use newsgraph::graph::EntityKind::{self, Country, Location, Organization, Person};
use newsgraph::pipeline::build_graph;
use newsgraph::resources::Resources;

/// The (kind, label) pairs the whole pipeline finds in `text`, sorted.
fn entities(resources: &Resources, text: &str) -> Vec<(EntityKind, String)> {
    let document = Document::new(DocId("passage".into()), "passage.txt".into(), text.to_string(), None);
    let graph = build_graph(resources, &[document], false);
    let mut found: Vec<(EntityKind, String)> = graph.nodes().map(|(_, node)| (node.kind, node.label.clone())).collect();
    found.sort();
    found
}

fn check(resources: &Resources, name: &str, text: &str, expected: &[(EntityKind, &str)]) {
    let mut expected: Vec<(EntityKind, String)> = expected.iter().map(|(kind, label)| (*kind, label.to_string())).collect();
    expected.sort();
    let found = entities(resources, text);
    let missing: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
    let extra: Vec<_> = found.iter().filter(|f| !expected.contains(f)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "passage {name}:\n  missing {missing:?}\n  extra   {extra:?}");
}

const GHANA: &str = "Ghana Sends Troops as Sahel Crisis Deepens

By Amma Mensah

ACCRA, Ghana — Ghana's parliament approved on Tuesday a plan to send 400 soldiers to Burkina Faso, the defence minister, Dominic Nitiwul, told reporters in Accra.
\"We cannot stand by,\" said Nitiwul, who added that the deployment would begin in March.
The decision follows talks in Abuja with Nigerian President Bola Tinubu and the chairman of the ECOWAS Commission, Omar Alieu Touray.
Critics, including the opposition National Democratic Congress, said the plan lacked funding. Samuel Okudzeto Ablakwa, a lawmaker, called it reckless.
However, analysts at the Institute for Security Studies in Pretoria said the move could deter attacks on border towns.
Advertisement
READ MORE: Ghana's economy slows in second quarter
The troops will be based in Ouagadougou and the northern town of Djibo, according to Col. Kwame Asante.
Monday's vote came after weeks of debate. Black Friday sales and a Western Diplomat were not involved.
You may also like
Taylor Swift announces tour dates in Los Angeles
";

const HAITI: &str = "UN Envoy Urges Calm in Port-au-Prince

PORT-AU-PRINCE (Reuters) - The United Nations special envoy for Haiti, María Isabel Salvador, on Wednesday called for an end to attacks on hospitals in the capital.
Speaking to the Security Council in New York, Salvador said gangs controlled most of Port-au-Prince. She said the Kenyan-led mission needed more helicopters.
A spokesperson for the World Food Programme, Tania Sanchez, said deliveries to Cap-Haïtien had resumed. Justice Minister Carlos Hercule declined to comment.
The police union SPNH said 17 officers were killed this year. \"Every week we bury colleagues,\" union leader Lionel Thomas said.
In a statement, Amnesty International said the violence was \"a catastrophe\". Friday prayers in Pétion-Ville were cancelled.
Jan Egeland of the Norwegian Refugee Council said aid convoys had been blocked near Santiago de los Caballeros.
";

const WASHINGTON: &str = "Washington Weighs New Sanctions

WASHINGTON — The Biden administration is weighing new sanctions on officials in Nicaragua, State Department spokesman Matthew Miller said on Thursday.
Miller said Secretary of State Antony Blinken discussed the matter with Canadian Foreign Minister Mélanie Joly in Ottawa. Joly later flew to Brussels for a NATO meeting.
Senator Marco Rubio, a Florida Republican, praised the move. \"This is overdue,\" Rubio said in a post on X.
The measures would target allies of President Daniel Ortega and Vice President Rosario Murillo, who is also his wife.
According to Human Rights Watch, more than 200 political prisoners remain in custody in Managua.
May was a difficult month for the government. Victoria Falls, the Paris Agreement and the Geneva Conventions were not discussed.
Analysts at Morgan Stanley and Goldman Sachs expect the price of Brent Crude to rise. Grace Period Ends For Tenants, one headline said.
Click to resize
";

const KENYA: &str = "Kenya's Ruto Defends Police Mission Abroad
Published Sunday, 4 August 2024

NAIROBI, Kenya — President William Ruto on Sunday defended the deployment of Kenyan police officers abroad, saying the mission had \"restored hope\" in the Caribbean nation.
Speaking at a church service in Eldoret, Ruto said the officers were \"doing Kenya proud\". Opposition leader Raila Odinga disagreed.
Interior Cabinet Secretary Kithure Kindiki told the Senate that 400 more officers would leave in September. Mr. Kindiki did not say who would pay.
Human rights lawyer Faith Odhiambo, president of the Law Society of Kenya, said the High Court had not been consulted.
Despite the criticism, Nairobi has pledged to keep its commitment. Fishermen on Lake Victoria and climbers on Mount Kenya were not consulted.
Netflix and Safaricom sponsored a fundraiser. Good Morning America aired a segment. Meanwhile, World Bank economists cut Kenya's growth forecast.
Chad Wolf, a former official, and Jordan were not mentioned.
The spokesman, Okello Lukwago, said the Ministry of Foreign Affairs would issue a statement. Reporting by Ann Mwangi; Editing by Peter Graff
";

#[test]
fn passages_yield_exactly_their_entities() {
    let resources = Resources::builtin().expect("built-in data loads");
    check(
        &resources,
        "GHANA",
        GHANA,
        &[
            (Person, "Bola Tinubu"),
            (Person, "Dominic Nitiwul"),
            (Person, "Kwame Asante"),
            (Person, "Omar Alieu Touray"),
            (Person, "Samuel Okudzeto Ablakwa"),
            (Country, "Burkina Faso"),
            (Country, "Ghana"),
            (Country, "Nigeria"),
            (Organization, "ECOWAS Commission"),
            (Organization, "Institute for Security Studies"),
            (Organization, "National Democratic Congress"),
            (Location, "Abuja"),
            (Location, "Accra"),
            (Location, "Djibo"),
            (Location, "Ouagadougou"),
            (Location, "Pretoria"),
            (Location, "Sahel"),
        ],
    );
    check(
        &resources,
        "HAITI",
        HAITI,
        &[
            (Person, "Carlos Hercule"),
            (Person, "Jan Egeland"),
            (Person, "Lionel Thomas"),
            (Person, "María Isabel Salvador"),
            (Person, "Tania Sanchez"),
            (Country, "Haiti"),
            (Country, "Kenya"),
            (Organization, "Amnesty International"),
            (Organization, "Norwegian Refugee Council"),
            (Organization, "Reuters"),
            (Organization, "SPNH"),
            (Organization, "UN Security Council"),
            (Organization, "United Nations"),
            (Organization, "World Food Programme"),
            (Location, "Cap-Haïtien"),
            (Location, "New York"),
            (Location, "Port-au-Prince"),
            (Location, "Pétion-Ville"),
            (Location, "Santiago de los Caballeros"),
        ],
    );
    check(
        &resources,
        "WASHINGTON",
        WASHINGTON,
        &[
            (Person, "Antony Blinken"),
            (Person, "Daniel Ortega"),
            (Person, "Marco Rubio"),
            (Person, "Matthew Miller"),
            (Person, "Mélanie Joly"),
            (Person, "Rosario Murillo"),
            (Country, "Canada"),
            (Country, "Nicaragua"),
            (Organization, "Goldman Sachs"),
            (Organization, "Human Rights Watch"),
            (Organization, "Morgan Stanley"),
            (Organization, "NATO"),
            (Organization, "State Department"),
            (Location, "Brussels"),
            (Location, "Florida"),
            (Location, "Managua"),
            (Location, "Ottawa"),
            (Location, "Victoria Falls"),
            (Location, "Washington"),
        ],
    );
    check(
        &resources,
        "KENYA",
        KENYA,
        &[
            (Person, "Faith Odhiambo"),
            (Person, "Kithure Kindiki"),
            (Person, "Okello Lukwago"),
            (Person, "Raila Odinga"),
            (Person, "William Ruto"),
            (Country, "Kenya"),
            // FIXME: "Chad Wolf" and "Jordan" as a name lose to the countries (a
            // gazetteer hit always wins over a given name).
            (Country, "Chad"),
            (Country, "Jordan"),
            (Organization, "High Court"),
            (Organization, "Law Society of Kenya"),
            (Organization, "Ministry of Foreign Affairs"),
            (Organization, "Netflix"),
            (Organization, "Safaricom"),
            (Organization, "World Bank"),
            (Location, "Caribbean"),
            (Location, "Eldoret"),
            (Location, "Lake Victoria"),
            (Location, "Mount Kenya"),
            (Location, "Nairobi"),
        ],
    );
}
