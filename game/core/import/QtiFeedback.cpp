#include "QtiFeedback.hpp"

#include "QtiXml.hpp"
#include "TextUtil.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace quiz::core::import
{

namespace
{

using tinyxml2::XMLElement;

enum class When
{
    Unknown,
    Correct,
    Incorrect
};

/// `match(variable R, correct R)` in either order is Correct, `not` of it Incorrect.
When classify(const XMLElement& expression)
{
    const std::string name = normaliseName(expression.Name());
    if (name == "not")
    {
        const XMLElement* inner = expression.FirstChildElement();
        const When w = inner == nullptr ? When::Unknown : classify(*inner);
        return w == When::Correct ? When::Incorrect : When::Unknown;
    }
    if (name != "match")
        return When::Unknown;
    const XMLElement* variable = qtiChild(expression, "variable");
    const XMLElement* correct = qtiChild(expression, "correct");
    if (variable == nullptr || correct == nullptr ||
        qtiAttribute(*variable, "identifier") != qtiAttribute(*correct, "identifier"))
        return When::Unknown;
    return When::Correct;
}

/// For each value the outcome variable is set to: every condition under which it is set.
using Settings = std::map<std::string, std::set<When>>;

void collect(const XMLElement& node, When context, const std::string& outcome, Settings& out);

void collectCondition(const XMLElement& condition, When context, const std::string& outcome,
                      Settings& out)
{
    std::vector<When> seen;
    for (const XMLElement* branch : xmlChildren(condition))
    {
        const std::string name = normaliseName(branch->Name());
        When when = When::Unknown;
        if (name == "responseIf" || name == "responseElseIf")
        {
            const XMLElement* expression = branch->FirstChildElement();
            when = expression == nullptr ? When::Unknown : classify(*expression);
        }
        else if (name == "responseElse" && seen.size() == 1 && seen[0] != When::Unknown)
        {
            when = seen[0] == When::Correct ? When::Incorrect : When::Correct;
        }
        seen.push_back(when);
        // A setting inside a known branch happens only in that case, whatever nests inside.
        collect(*branch, context != When::Unknown ? context : when, outcome, out);
    }
}

void collect(const XMLElement& node, When context, const std::string& outcome, Settings& out)
{
    for (const XMLElement* child : xmlChildren(node))
    {
        const std::string name = normaliseName(child->Name());
        if (name == "responseCondition")
        {
            collectCondition(*child, context, outcome, out);
        }
        else if (name == "setOutcomeValue" && qtiAttribute(*child, "identifier") == outcome)
        {
            if (const XMLElement* value = qtiChild(*child, "baseValue"))
                out[trim(xmlAllText(*value))].insert(context);
        }
        else if (name != "setOutcomeValue")
        {
            collect(*child, context, outcome, out);
        }
    }
}

std::string lower(std::string text)
{
    for (char& c : text)
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return text;
}

std::string invert(const std::string& on)
{
    if (on == "correct")
        return "incorrect";
    if (on == "incorrect")
        return "correct";
    return {};
}

ModalFeedbackTarget mapOne(const XMLElement& modal, const XMLElement* processing,
                           const std::vector<std::string>& correctChoices, bool single)
{
    ModalFeedbackTarget target;
    target.element = &modal;
    const std::string outcome = qtiAttribute(modal, "outcomeIdentifier");
    const std::string identifier = qtiAttribute(modal, "identifier");
    Settings settings;
    if (processing != nullptr)
        collect(*processing, When::Unknown, outcome, settings);
    const auto found = settings.find(identifier);
    if (found != settings.end())
    {
        if (found->second == std::set<When>{When::Correct})
            target.on = "correct";
        else if (found->second == std::set<When>{When::Incorrect})
            target.on = "incorrect";
        else
            target.reason = "responseProcessing sets " + outcome + " to '" + identifier +
                            "' on a condition other than a correct or an incorrect response";
    }
    else if (const std::string name = lower(identifier);
             name == "correct" || name == "incorrect" || name == "partial")
    {
        target.on = name;
    }
    else if (single && correctChoices.size() == 1 && identifier == correctChoices[0])
    {
        target.on = "correct";
    }
    else
    {
        target.reason = "nothing in responseProcessing sets " + outcome + " to '" + identifier +
                        "', and its identifier names no outcome";
    }
    if (!target.on.empty() && lower(qtiAttribute(modal, "showHide", "show")) == "hide")
    {
        target.on = invert(target.on);
        if (target.on.empty())
            target.reason = "it is hidden, not shown, for partial credit";
    }
    return target;
}

} // namespace

std::vector<ModalFeedbackTarget> mapModalFeedback(const XMLElement& item,
                                                  const std::vector<std::string>& correctChoices,
                                                  bool single)
{
    const XMLElement* processing = qtiChild(item, "responseProcessing");
    std::vector<ModalFeedbackTarget> targets;
    for (const XMLElement* modal : qtiChildren(item, "modalFeedback"))
        targets.push_back(mapOne(*modal, processing, correctChoices, single));
    return targets;
}

} // namespace quiz::core::import
