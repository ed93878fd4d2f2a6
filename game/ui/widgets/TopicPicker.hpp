#pragma once

#include "Button.hpp"
#include "ScrollArea.hpp"
#include "core/pack/Pack.hpp"
#include "core/session/Session.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace quiz::ui
{

/// The tick list of packs and their topics that both set-up screens show: one box per pack and
/// per topic (indented by depth, with its question count), bound to a shared selection. A whole
/// pack and some of its topics would overlap, so ticking one clears the other: the ticks always
/// say exactly what will be asked.
class TopicPicker
{
public:
    /// `area` receives the boxes; `onChange` runs after every tick (the screen recounts).
    TopicPicker(ScrollArea& area, std::vector<core::TopicSelection>& selections,
                std::function<void()> onChange);

    /// Replaces the boxes with one per pack and topic of `packs`.
    void rebuild(const std::vector<core::Pack>& packs);
    [[nodiscard]] bool isChosen(const std::string& packId, const std::string& topicId) const;
    void setChosen(const std::string& packId, const std::string& topicId, bool on);
    /// The boxes in list order (for focus order and layout).
    [[nodiscard]] const std::vector<Checkbox*>& getBoxes() const { return m_boxes; }
    [[nodiscard]] bool contains(const Widget& widget) const;
    /// Puts the boxes first in `focus`, then `others` (the scroll area itself skipped), and
    /// scrolls a box into view when it takes the focus.
    void joinFocus(FocusGroup& focus, const std::vector<Widget*>& others);
    /// Tab (`direction` +1) or Shift+Tab (-1) with the list as one stop: from a box to the
    /// next widget outside the list, from outside onto the list's first box.
    void tabPast(FocusGroup& focus, int direction) const;

    /// Chosen itself or inside a chosen pack or topic: what its box shows.
    [[nodiscard]] bool isCovered(const std::string& packId, const std::string& topicId) const;

private:
    [[nodiscard]] const core::Topic* findTopic(const std::string& packId,
                                               const std::string& topicId) const;
    /// The chosen pack ("") or topic that contains `topicId`, or "-" when none does.
    [[nodiscard]] std::string findChosenAncestor(const std::string& packId,
                                                 const std::string& topicId) const;
    void untickCovered(const std::string& packId, const std::string& topicId);
    void refreshBoxes();

    ScrollArea& m_area;
    std::vector<core::TopicSelection>& m_selections;
    std::function<void()> m_onChange;
    std::vector<Checkbox*> m_boxes;
    std::vector<core::TopicSelection> m_boxSelections;        ///< what each box stands for
    std::map<std::string, std::vector<core::Topic>> m_topics; ///< each pack's topic tree
};

} // namespace quiz::ui
