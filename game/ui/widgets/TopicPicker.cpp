#include "TopicPicker.hpp"

#include <algorithm>
#include <memory>

namespace quiz::ui
{

TopicPicker::TopicPicker(ScrollArea& area, std::vector<core::TopicSelection>& selections,
                         std::function<void()> onChange)
    : m_area(area), m_selections(selections), m_onChange(std::move(onChange))
{
}

bool TopicPicker::isChosen(const std::string& packId, const std::string& topicId) const
{
    for (const core::TopicSelection& selection : m_selections)
    {
        if (selection.packId == packId && selection.topicId == topicId)
            return true;
    }
    return false;
}

void TopicPicker::setChosen(const std::string& packId, const std::string& topicId, bool on)
{
    m_selections.erase(std::remove_if(m_selections.begin(), m_selections.end(),
                                      [&](const core::TopicSelection& s)
                                      {
                                          if (s.packId != packId)
                                              return false;
                                          return s.topicId == topicId ||
                                                 (on && (topicId.empty() || s.topicId.empty()));
                                      }),
                       m_selections.end());
    if (on)
        m_selections.push_back({packId, topicId});
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        m_boxes[i]->setChecked(isChosen(m_boxSelections[i].packId, m_boxSelections[i].topicId));
    if (m_onChange)
        m_onChange();
}

void TopicPicker::rebuild(const std::vector<core::Pack>& packs)
{
    m_area.clear();
    m_boxes.clear();
    m_boxSelections.clear();
    for (const core::Pack& pack : packs)
    {
        auto packBox = std::make_unique<Checkbox>(
            pack.title.empty() ? pack.id : pack.title, isChosen(pack.id, ""),
            [this, id = pack.id](bool on) { setChosen(id, "", on); });
        packBox->setDetail(std::to_string(pack.countPlayableQuestions()));
        m_boxes.push_back(&m_area.add(std::move(packBox)));
        m_boxSelections.push_back({pack.id, ""});
        for (const core::Topic& topic : pack.topics)
        {
            auto box =
                std::make_unique<Checkbox>(topic.title, isChosen(pack.id, topic.id),
                                           [this, packId = pack.id, topicId = topic.id](bool on)
                                           { setChosen(packId, topicId, on); });
            box->setDetail(std::to_string(pack.countPlayableQuestions(topic.id)));
            box->setIndent(28.0F * static_cast<float>(topic.depth + 1));
            m_boxes.push_back(&m_area.add(std::move(box)));
            m_boxSelections.push_back({pack.id, topic.id});
        }
    }
}

bool TopicPicker::contains(const Widget& widget) const
{
    return std::find(m_boxes.begin(), m_boxes.end(), &widget) != m_boxes.end();
}

void TopicPicker::joinFocus(FocusGroup& focus, const std::vector<Widget*>& others)
{
    for (Checkbox* box : m_boxes)
        focus.add(box);
    for (Widget* widget : others)
    {
        if (widget != &m_area)
            focus.add(widget);
    }
    focus.setOnFocus(
        [this](Widget& widget)
        {
            if (contains(widget))
                m_area.ensureVisible(widget.getBounds());
        });
}

} // namespace quiz::ui
