#pragma once
// A small pack of numeric questions and one case, built in code, for the tests of the player's
// side of dose practice (screens, scripted rounds, the class host): the same questions as
// tests/data/ui/dose/dose.xml.
#include "core/pack/Pack.hpp"

#include <string>

namespace quiz::test
{

inline const std::string kDosePackId = "org.heparinquiz.test-dose";

inline core::Variable doseVariable(const std::string& name, double from, double to, double step,
                                   const std::string& unit)
{
    core::Variable variable;
    variable.name = name;
    variable.from = from;
    variable.to = to;
    variable.step = step;
    variable.unit = unit;
    return variable;
}

inline core::Mistake doseMistake(const std::string& formula, const std::string& rationale,
                                 bool critical = false)
{
    core::Mistake mistake;
    mistake.formula = formula;
    mistake.rationale = core::RichText::fromPlain(rationale);
    if (critical)
        mistake.severity = core::OptionSeverity::Critical;
    return mistake;
}

inline core::Question doseQuestion(const std::string& id, const std::string& stem,
                                   const std::string& formula, const std::string& unit, int round)
{
    core::Question question;
    question.id = id;
    question.type = core::QuestionType::Numeric;
    question.topicId = "dose";
    question.stem = core::RichText::fromPlain(stem);
    core::NumericAnswer answer;
    answer.formula = formula;
    answer.unit = unit;
    answer.round = round;
    question.numeric = answer;
    return question;
}

/// dose-bolus (weight 50..120 kg; 80 units/kg from 5,000 units/mL; mistakes: pounds, and the
/// vial read as 1,000 units/mL, critical), dose-rate (18 units/kg/h from 100 or 50 units/mL;
/// mistake: pounds) and the case "Post-operative patient" with case-rate and case-up.
inline core::Pack makeDosePack()
{
    core::Pack pack;
    pack.id = kDosePackId;
    pack.formatMinor = 1;
    pack.version = "1";
    pack.lang = "en";
    pack.title = "Dose practice (test)";
    pack.topics.push_back({"dose", "Dose calculation", "", 0, 0});
    pack.topics.push_back({"dose-case", "Cases", "", 0, 0});

    core::Question bolus = doseQuestion(
        "dose-bolus",
        "The patient weighs {weight} kg. The order is a heparin bolus of 80 units/kg; the vial "
        "holds 5,000 units/mL. How many mL do you draw up?",
        "weight*80/5000", "mL", 1);
    bolus.variables.push_back(doseVariable("weight", 50, 120, 1, "kg"));
    bolus.mistakes.push_back(doseMistake(
        "weight*2.2*80/5000", "You used the weight in pounds ({=weight*2.2|0} lb) as kilograms. "
                              "The order is per kilogram: {weight} kg x 80 units/kg."));
    bolus.mistakes.push_back(doseMistake(
        "weight*80/1000",
        "You divided by 1,000 units/mL instead of the vial's 5,000 units/mL. Five times the dose "
        "would be given.",
        true));
    bolus.explanation = core::RichText::fromPlain(
        "{weight} kg x 80 units/kg = {=weight*80|0} units; {=weight*80|0} units / 5,000 units/mL "
        "= {=weight*80/5000|2} mL, which rounds to {=weight*80/5000} mL.");
    pack.questions.push_back(bolus);

    core::Question rate = doseQuestion(
        "dose-rate",
        "The patient weighs {weight} kg. Start heparin at 18 units/kg/h from a bag of {conc} "
        "units/mL. What rate do you set?",
        "weight*18/conc", "mL/h", 1);
    rate.variables.push_back(doseVariable("weight", 50, 120, 1, "kg"));
    core::Variable conc;
    conc.name = "conc";
    conc.unit = "units/mL";
    conc.values = {100, 50};
    rate.variables.push_back(conc);
    rate.mistakes.push_back(doseMistake("weight*2.2*18/conc",
                                        "You used the weight in pounds ({=weight*2.2|0} lb) as "
                                        "kilograms. Use {weight} kg."));
    rate.explanation = core::RichText::fromPlain(
        "{weight} kg x 18 units/kg/h = {=weight*18|0} units/h; {=weight*18|0} units/h / {conc} "
        "units/mL = {=weight*18/conc} mL/h.");
    pack.questions.push_back(rate);

    core::Case postop;
    postop.id = "case-postop";
    postop.topicId = "dose-case";
    postop.title = "Post-operative patient";
    postop.stem = core::RichText::fromPlain(
        "Mr Daniels, {weight} kg, is on day 1 after a hip replacement and develops a deep vein "
        "thrombosis. The protocol: heparin 18 units/kg/h from a bag of 25,000 units in 250 mL "
        "(100 units/mL); aPTT every 6 hours.");
    postop.variables.push_back(doseVariable("weight", 60, 90, 1, "kg"));
    postop.questionIds = {"case-rate", "case-up"};
    pack.cases.push_back(postop);

    core::Question caseRate =
        doseQuestion("case-rate", "What rate do you start, in mL/h?", "weight*18/100", "mL/h", 1);
    caseRate.caseId = "case-postop";
    caseRate.topicId = "dose-case";
    caseRate.mistakes.push_back(doseMistake(
        "weight*18/1000", "You used 1,000 units/mL; the bag holds 100 units/mL.", false));
    caseRate.explanation = core::RichText::fromPlain(
        "{weight} kg x 18 units/kg/h = {=weight*18|0} units/h; / 100 units/mL = {=weight*18/100} "
        "mL/h.");
    pack.questions.push_back(caseRate);

    core::Question caseUp = doseQuestion(
        "case-up",
        "The aPTT is low; the protocol raises the rate by 2 units/kg/h. What is the new rate?",
        "weight*20/100", "mL/h", 1);
    caseUp.caseId = "case-postop";
    caseUp.topicId = "dose-case";
    caseUp.mistakes.push_back(
        doseMistake("weight*2/100", "You set only the increase (2 units/kg/h), not the new total "
                                    "rate of 20 units/kg/h."));
    caseUp.explanation = core::RichText::fromPlain(
        "18 + 2 = 20 units/kg/h; {weight} kg x 20 = {=weight*20|0} units/h; / 100 units/mL = "
        "{=weight*20/100} mL/h.");
    pack.questions.push_back(caseUp);
    return pack;
}

} // namespace quiz::test
