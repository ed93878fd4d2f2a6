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

const core::Topic* TopicPicker::findTopic(const std::string& packId,
                                          const std::string& topicId) const
{
    const auto pack = m_topics.find(packId);
    if (pack == m_topics.end())
        return nullptr;
    for (const core::Topic& topic : pack->second)
    {
        if (topic.id == topicId)
            return &topic;
    }
    return nullptr;
}

std::string TopicPicker::findChosenAncestor(const std::string& packId,
                                            const std::string& topicId) const
{
    const core::Topic* topic = findTopic(packId, topicId);
    while (topic != nullptr)
    {
        if (isChosen(packId, topic->parentId))
            return topic->parentId;
        topic = findTopic(packId, topic->parentId);
    }
    return "-"; // no ancestor, not even the whole pack
}

bool TopicPicker::isCovered(const std::string& packId, const std::string& topicId) const
{
    return isChosen(packId, topicId) ||
           (!topicId.empty() && findChosenAncestor(packId, topicId) != "-");
}

void TopicPicker::untickCovered(const std::string& packId, const std::string& topicId)
{
    // "Everything but this topic": the chosen ancestor gives way to every branch beside the
    // path down to the topic, so the ticks still say exactly what will be asked.
    const std::string ancestor = findChosenAncestor(packId, topicId);
    m_selections.erase(std::remove_if(m_selections.begin(), m_selections.end(),
                                      [&](const core::TopicSelection& s)
                                      { return s.packId == packId && s.topicId == ancestor; }),
                       m_selections.end());
    std::vector<std::string> path; // from the topic up to (not including) the ancestor
    for (const core::Topic* t = findTopic(packId, topicId); t != nullptr && t->id != ancestor;
         t = findTopic(packId, t->parentId))
        path.push_back(t->id);
    for (const core::Topic& topic : m_topics[packId])
    {
        const bool onPath = std::find(path.begin(), path.end(), topic.id) != path.end();
        const bool besidePath =
            std::find_if(path.begin(), path.end(),
                         [&](const std::string& id)
                         {
                             const core::Topic* step = findTopic(packId, id);
                             return step != nullptr && step->parentId == topic.parentId;
                         }) != path.end();
        if (!onPath && besidePath)
            m_selections.push_back({packId, topic.id});
    }
}

void TopicPicker::setChosen(const std::string& packId, const std::string& topicId, bool on)
{
    if (!on && !topicId.empty() && !isChosen(packId, topicId) &&
        findChosenAncestor(packId, topicId) != "-")
    {
        untickCovered(packId, topicId);
        refreshBoxes();
        return;
    }
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
    refreshBoxes();
}

void TopicPicker::refreshBoxes()
{
    // A topic inside a ticked pack (or ticked parent topic) is asked too: it shows ticked.
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        m_boxes[i]->setChecked(isCovered(m_boxSelections[i].packId, m_boxSelections[i].topicId));
    if (m_onChange)
        m_onChange();
}

void TopicPicker::rebuild(const std::vector<core::Pack>& packs)
{
    m_area.clear();
    m_boxes.clear();
    m_boxSelections.clear();
    m_topics.clear();
    for (const core::Pack& pack : packs)
        m_topics[pack.id] = pack.topics;
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
                std::make_unique<Checkbox>(topic.title, isCovered(pack.id, topic.id),
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

void TopicPicker::tabPast(FocusGroup& focus, int direction) const
{
    // The list is one Tab stop (Up and Down walk its boxes), so Tab reaches the controls
    // beside it without passing every topic of every pack.
    const auto inList = [this, &focus]
    {
        const Widget* focused = focus.getFocused();
        return focused != nullptr && contains(*focused);
    };
    const bool wasInList = inList();
    focus.move(direction);
    for (std::size_t guard = 0; wasInList && inList() && guard < m_boxes.size(); ++guard)
        focus.move(direction);
    if (!wasInList && inList() && !m_boxes.empty())
        focus.focus(m_boxes.front());
}

} // namespace quiz::ui
