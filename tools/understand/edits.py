"""An edit in plain words + the current part spec → a new spec, through the spec operations of
``tools.part.ops`` (each result validated), so edits compose turn after turn: "10 mm longer",
"put a 20 mm hole in the middle", "chamfer the top edges by 1 mm", "make that 4 holes", "remove the
fillets", "inner diameter 36", "double its height", "shell it with 2 mm walls, open at the top"."""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field

from ..part import ops, tables
from ..part.validation import SpecError
from .build import M_SIZE, Build
from .build_features import ONE_CORNER, GRID, features, outer_if_holes
from .clauses import clauses
from .edit_copy import COPY as COPY_WORDS  # noqa: F401 - its words are edit words (_pattern_words)
from .edit_copy import copy_feature, copy_from_pattern, copy_request, pattern_copy_request
from .numbers import fmt, is_inch_fraction, normalize, numbers, retracted, unified_thread, unit_mm
from .roles import Tagging, is_floor, tag
from .spelling import correct
from .targets import targets
from .vocab import find

UNITS = {"mm": None, "cm": "centimeter", "in": "inch", "m": "meter"}
COMPARE = {"longer": ("length", 1), "shorter": ("length", -1), "wider": ("width", 1), "narrower": ("width", -1),
           "taller": ("height", 1), "higher": ("height", 1), "lower": ("height", -1), "thicker": ("thickness", 1),
           "thinner": ("thickness", -1), "deeper": ("depth", 1), "shallower": ("depth", -1), "bigger": ("all", 1), "larger": ("all", 1),
           "smaller": ("all", -1)}
ADJ = {"long": "length", "length": "length", "wide": "width", "width": "width", "tall": "height", "high": "height",
       "height": "height", "thick": "thickness", "thickness": "thickness", "deep": "depth", "diameter": "diameter",
       "dia": "diameter", "big": "all", "large": "all", "size": "all", "across": "diameter", "od": "diameter",
       "radius": "radius", "inside": "inner", "inner": "inner", "id": "inner", "bore": "inner",
       "outside diameter": "diameter", "outer diameter": "diameter", "inside diameter": "inner",
       "inner diameter": "inner"}
# what people call a boss they add ("add a stem underneath", "put a 6 mm peg on top"); a body of that name keeps it
ADDED_BOSS_NOUNS = ("stem", "spigot", "peg", "post", "pin", "pillar", "stub", "nub", "lug", "stud", "standoff", "spacer")
SINGLE_AT = ("center", "at", "from_edge", "from_corner")
BODY_ROLES = ("length", "width", "height", "thickness", "legs", "side", "main", "af", "wall")
SCALE = {"twice": 2.0, "double": 2.0, "doubled": 2.0, "triple": 3.0, "tripled": 3.0, "half": 0.5, "halve": 0.5,
         "halved": 0.5, "third": 1 / 3, "quarter": 0.25}
KEEP_PLACE = re.compile(r"\b(?:keep|leave|leaving|keeping)\s+(?:the|that|those|its|all the)?\s*\w+(?:\s+\w+)?\s+(?:where|in place|"
                        r"at the same|in the same)|\b(?:where (?:it|they) (?:is|are) now|same place|stays? put|don'?t move)\b")
SECTION = re.compile(r"\b(turned[- ]down|stepped[- ]down|reduced|flange|head|collar|shoulder|big|bigger|biggest|large|larger|largest|main|thick|fat|small|smaller|"
                     r"smallest|thin|thinner|narrow|first|second|middle|last|spigot|sleeve|body|neck|pilot|stub|tip|"
                     r"step|section|part|portion)\b(?!\s*(?:holes?|bores?|hole's))")
# the parts of an L, T or U section a thickness can be said of (the section has one thickness)
PROFILE_PART = re.compile(r"\b(stem|web|flange|flanges|leg|legs|base|upright|top|side|sides|wall|walls)\b(?=[^,;.]*?\b(?:thick|"
                          r"thickness|thk|thicker|thinner|at|stays?|same)\b)")
PART_OF = {"flanges": "flange", "legs": "leg", "sides": "side", "walls": "wall", "top": "flange", "web": "stem"}
UNSCALED = {"count", "counts", "angle", "start_angle", "teeth", "pressure_angle", "sides", "kind", "id", "name"}
# "scale it to 150 long", "150 long, everything in proportion": the whole part scaled to that size
SCALE_TO = re.compile(r"(?:(?P<scale>\bscale[sd]?\s+(?:it|the (?:whole )?(?:part|thing)|everything|the lot|all of it)?\s*(?:up|down)?"
                      r"\s*to\s+)|\b)(?P<n>\d*\.?\d+)\s*(?:mm|cm|in|\"|inch(?:es)?)?\s*(?P<way>long|wide|tall|high|thick|dia|diameter)\b")
PROPORTION = re.compile(r"\b(?:in proportion|proportional(?:ly)?|to scale|keep(?:ing)? (?:the |its )?proportions|everything "
                        r"(?:else )?(?:scaled|scales|with it)|scale (?:everything|the rest))\b")
SCALE_BY = re.compile(
    r"\bscale[sd]?\s+(?:it|the (?:whole )?(?:part|thing)|everything|the lot|all of it)?\s*(?P<dir>up|down)?\s*(?:by\s+)?"
    r"(?:a factor of\s+)?(?:(?P<word>(?:a )?half|(?:a )?third|(?:a )?quarter|two|three)\b|[\d.]+\s*(?:(?P<pct>%|percent)|"
    r"(?P<times>x|times)(?!\s*\d))?)|"
    r"(?<![\d.x])(?<!x )\b[\d.]+\s*(?P<times2>x|times)(?!\s*\d)(?!\s*(?:as\s+)?(?:long|wide|tall|high|thick|deep|big\b|large\b|the\b|"
    r"its\b|length|width|height|thickness|diameter|od|id|holes?|grid|\w+ holes|m\d))"
    r"(?:\s+(?:bigger|larger|(?P<smaller>smaller)))?|"
    r"\b(?P<word3>double|triple|halve)\s+(?:it|everything|the (?:whole )?(?:part|thing))\b(?!\s*(?:'s|s)?\s*\w*\s*"
    r"(?:length|width|height|thickness|diameter))")
ADD_VERB = re.compile(r"\b(add|put(?!\s+(?:(?:the|those|these|its|that)\s+\w+|them|it)\s+back\b)|drill|cut|bore an?|make (?:a|an|some)|give it (?:a|an|some)|insert|punch|machine|"
                      r"place|include|with (?:a|an)|also|plus|mill|create|(?<![\w ])(?:and|then) (?=an?\b|another\b)|^\s*an? (?=[\d./]+\s*(?:mm\s*)?(?:dia\w*\s+)?hole)|drop (?=a|an|one|two|three|four|five|six|eight|\d|some)|we need (?:a|an)|i need (?:a|an))\b")
REMOVE = re.compile(r"\b(remove|delete|skip|get rid of|leave out|leave off|omit|take (?:off|away|out)|take (?:the |those |these |that |this |its |all (?:the )?)?\w+ (?:off|out|away)|"
                    r"drop(?=\s+(?:a|one|1)\s+of\s+(?:the|those|these|them)\b)|drop(?!\s+(?:a|an|one|two|three|four|five|six|eight|\d+|some|in)\b)(?![^,;.]*\bto\s+[\d./]+)|no more|without|lose|ditch|sharp corners|sharp edges|no (?:fillets?|chamfers?|holes?|rounds?|rounding|chamfering|radius|radii|keyways?|slots?|pockets?|grooves?|flats?|bosses|boss|hubs?)|"
                    r"square (?:them|it|those|the corners|the edges) off|(?:un-?round|un-?fillet))\b")
HOLE_WORDS = re.compile(r"\b(inset|in from the (?:corners?|edges?|sides?|ends?)|more|so there are|of them|spacing|pitch|apart|"
                        r"bolt circle|pcd|space (?:them|the holes|it)|spaced|"
                        r"spread (?:them|the holes|it|out)|closer together|(?<!x )(?<!x)\d{1,2}\s*x\s*\d{1,2}(?![\d.])(?!\s*(?:mm|cm|in|x)\b)|"
                        r"evenly spaced|in a row)\b")
MOVE = re.compile(r"\b(?:move|moved|shift|shifted|slide|offset|nudge|push|bring|relocate)\b.*?\b(left|right|up|down|back|"
                  r"forward|front|in|inward|inwards|out|outward|outwards)\b(?!\s*(?:from|the middle|the cent))")
# "the hole should be 20 mm from the left edge": one placed feature set a distance in from an edge
FROM_EDGE = re.compile(r"([\d.]+)\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?\s*(?:in\s+)?(?:away\s+)?from the (left|right|front|back|"
                       r"lower|upper|top|bottom)(?: edge| end| side)?\b")
STEP_DOWN = re.compile(r"\b(?:turn(?:ed)? down|step(?:ped)? down|neck(?:ed)? down|reduce|machine down)\b.*?\b(?:end|tip|top|last|first)\b|"
                       r"\b(?:end|tip|top)\b.*?\b(?:turned|stepped|necked) down\b|"
                       r"\b(?:turn|step|neck|machine)(?:ed|ped)?\s+(?:(?:it|the|that|this|last|first|end|top|tip|of|bar|shaft|rod|"
                       r"[\d./-]+\s*(?:mm|\"|in(?:ch(?:es)?)?)?)\s*){1,6}down\b")
CENTRE = re.compile(r"\b(?:re-?cent(?:er|re)|cent(?:er|re) (?:the|that|it|them|this)\b|(?:back )?(?:in|to) the "
                    r"(?:middle|cent(?:er|re))(?: again)?\s*$|(?:move|put|bring) (?:it|the \w+(?: \w+)?|that \w+) back)")
TO_EDGE = re.compile(r"\bto (?:the )?(left|right|front|back|top|bottom) (?:edge|end|side),?\s*([\d.]+)\s*(?:mm\s*)?"
                     r"(?:in|from it|away|inside)\b")
FEATURE_WORD = re.compile(r"\b(holes?|bores?|fillets?|rounds?|chamfers?|bevels?|walls?|slots?|pockets?|counterbores?|"
                          r"countersinks?|hubs?|boss(?:es)?)\b")
TAPER = re.compile(r"\b(taper|tapered|cone|conical|flatten the tip|top is)\b")
ROTATE = re.compile(r"\b(rotate|rotated|turn(?!\s+(?:\w+\s+){0,3}?into\b)|clock)\b")
OPEN_FACE = re.compile(r"\bopen (?:the |it (?:at|on) the |at the |on the )?(top|bottom|front|back|left|right)\b")
OPEN_TOP = re.compile(r"\b(no top|open (?:the |it at the )?top|take the top off|remove the top|no lid)\b")
CLOSE = re.compile(r"\b(close (?:the |its )?top|close it(?: up| off)?|closed (?:top|box)|seal(?:ed)? (?:it|the top)(?: up)?|"
                   r"no opening|put a top on|make it closed|fully closed|(?:put|add|give it) a (?:lid|top|cover|cap)(?: on(?: it| top)?)?|"
                   r"close (?:up )?the (?:opening|open (?:top|end|side)))\b")
# "break the top edges" (a machinist's word): which edges a chamfer or fillet named beside it goes on
BREAK_EDGES = re.compile(r"\b(?:break|ease|knock off|soften)\s+(?:the |all (?:the )?|its )?((?:top|bottom|vertical|"
                         r"outside|outer|upper|lower|side|sharp|end)\s+)?(edges?|corners?)\b", re.I)
# "..., same hole spacing", "and the same circle": a size said to stay (no number in it), not a change
SAME = re.compile(r"\s*(?:[,;]|\band\b|\bwith\b|\bbut\b)?\s*(?:keep(?:ing)?\s+)?(?:the|its)?\s*same\s+(?:hole\s+|bolt\s+)?"
                  r"(?:spacing|pitch|circle|pcd|bolt circle|centres|centers|positions?|places?|depth|wall|walls|pattern|"
                  r"layout)\b(?:\s+(?:as before|as now|as it is))?(?!\s*(?:going|through|thru|as\b|for\b))", re.I)
# "2/3 the height", "two thirds as tall", "a third as thick": a size scaled by a fraction (not inches: 'the'/'as' follow)
FRACTION_TO = re.compile(r"\b(?:the |its )?(?P<what>length|width|height|thickness|diameter)\s+(?:down\s+|up\s+)?to\s+"
                         r"(?:(?P<n>\d+)\s+|(?:a|one)\s+)?(?P<part>halves|half|thirds?|quarters?|fifths?)\b(?:\s+of\s+(?:it|that|"
                         r"what it is))?|\b(?:the |its )?(?P<what2>length|width|height|thickness|diameter)\s+(?:down\s+)?to\s+"
                         r"(?P<a>\d+)\s*/\s*(?P<b>[35679])\b")
FRACTION_OF = re.compile(r"(?:\b(?P<a>\d+)\s*/\s*(?P<b>\d+)|(?:\b(?P<n>\d+)\s+|\b(?:a|one)\s+)(?P<part>halves|thirds?|quarters?|"
                         r"fifths?))(?:\s+of)?\s+(?:as|the|its)\s+(?P<what>long|wide|tall|high|thick|deep|length|width|"
                         r"height|thickness|diameter|size|big|large)\b")
# "make it hex instead", "hex bar please": a round body turned into a hex prism
HEX = re.compile(r"\b(?:make (?:it|the \w+)|turn it into|change it to|switch (?:it )?to|go(?: to)?|as)\s+(?:a\s+)?"
                 r"hex(?:agon(?:al)?)?\b|\bhex(?:agon(?:al)?)? (?:instead|bar|stock|section|outside)\b")
# "make it round not hex, Ø7", "round instead of hex": a hex prism turned round (a cylinder; a tube with its bore)
ROUND = re.compile(r"\b(?:make (?:it|the \w+)|turn it into|change it to|switch (?:it )?to|go(?: to)?|as)\s+(?:a\s+)?(?:round|"
                   r"cylindrical|circular|cylinder)\b|\b(?:round|cylindrical|circular|cylinder)\s*,?\s*(?:instead of|not|rather than)"
                   r"\s+(?:an?\s+|the\s+)?hex|\b(?:not|no longer|instead of|rather than)\s+(?:an?\s+|the\s+)?hex(?:agon(?:al)?)?\b"
                   r"(?=.*\bround\b|.*\bcylind)|\bround (?:bar|stock|section|outside) instead\b")
# "make those slots instead", "turn the holes into slots 15 long": the holes there become slots where they are
TO_SLOTS = re.compile(r"\b(?:make|turn|change|convert|switch)\s+(?:those|these|them|the\s+(?:\w+\s+)?holes|both holes|all the holes)\s+"
                      r"(?:in)?(?:to\s+)?(?:\w+\s+)?slots\b|\bslots instead of (?:the |those )?holes\b|\b(?:replace|swap) (?:the |those )?holes "
                      r"(?:with|for) slots\b")
# words that ask for one more (a change to the one there is not what they ask)
NEWISH = re.compile(r"\b(?:another|(?:one|1) more|a second|an extra|additional|a new|extra)\b")
# "add a third one, same, midway between the two": a copy at the middle of a pair
BETWEEN = re.compile(r"\b(?:third|3rd|one more|another|1 more|an? extra|add|also|a)\b.*\b(?:midway|halfway|half way|in between|"
                     r"between|in the middle of)\s+(?:the\s+)?(?:two|2|them|those|both|pair|first two)\b")
# "keep the step 25", "leaving the flange": a thing the part is said to keep (it must have it)
KEEP_REF = re.compile(r"\b(?:keep|keeping|leave|leaving)\s+(?:the|its)\s+(steps?|flange|shoulder|collar|holes?|bores?|slots?|"
                      r"pockets?|fillets?|rounds?|chamfers?|bevel|boss|hub|keyway|counterbore)\b")
# "change 100 to 120", "holes 6->8", "go from 4 holes to 6", "the 100 should be 120", "thickness from 8 to 10mm",
# "make the 6 mm holes 8": a value the part has, then the value it becomes
VALUE_TO = re.compile(r"(?:\b(?:(?P<what>length|width|height|thickness|thick|diameter|holes?|bores?)\s+)?(?:from\s+)?|"
                      r"\bthe\s+)(?P<a>\d+(?:\.\d+)?)\s*(?:mm|cm|in|\")?\s*(?:(?P<what2>holes?|ones?)\s+)?"
                      r"(?:->|→|=>|to|should be|becomes?|into|>)\s*(?P<b>\d+(?:\.\d+)?)(?!\s*(?:x|by)\b)")
# a feature picked by where it is: 'the side holes', 'the left slot', 'those end ones', 'the other one'
PLACE_REF = re.compile(r"\b(side|end|top|bottom|front|back|rear|left|right|first|second|third|other|middle|cent(?:er|re)|central|"
                       r"outer|outside|inner)\s+(?:(?:2|two)\s+)?(holes?|bores?|ones?|slots?|pockets?|boss(?:es)?)\b|"
                       r"\b(outer|outside|inner)\s+(?:2|two)\b(?!\s*(?:mm|cm|in\b|\"|x\b))")
SPLIT_PLACES = ("left", "right", "first", "second", "third", "middle", "centre", "center", "central", "outer", "outside", "inner")
PRONOUN = re.compile(r"\b(them|they|those|these|em)\b|'em\b")
SWAP = re.compile(r"\b(swap|replace|instead of|(?:i'?d )?rather (?:have|use|go with|do)|(?:i )?prefer|(?:change|switch) (?:that|those|it|them|(?:all )?(?:the|its|both) \w+) (?:to|into|for)(?!\s*[\d.])|"
                  r"(?:chamfer|fillet|bevel|round) (?:them|those|these|it|that|the \w+)(?: \w+)? instead|turn (?:that|those|"
                  r"it|them|(?:all )?(?:the|its|both) \w+) into|convert|make (?:them|those|these|it|that|the \w+) (?:into )?(?:an? )?"
                  r"(?:chamfer|fillet|round|bevel)(?:s|ed)?\b|(?:chamfer|fillet|bevel|round)s? instead|(?:change|switch|turn) (?:that|"
                  r"those|it|them|the \w+) (?:to|into|for)\s*(?:r\s*)?[\d./]+\s*(?:mm|cm|in|\")?\s*(?:chamfer|fillet|round|bevel)s?)\b")


# an edge treatment on some edges of a set ("the two long top edges", "one vertical edge", "the front edge"): no edge
# set picks those alone, and the whole set would be another part
SUBSET_EDGES = re.compile(r"\b(?:one|1|a(?=\s+of\b|\s+(?:vertical|side)\s+(?:edge|corner)\b(?!\s*(?:chamfer|fillet|round)))|a single|single|just one|only one|two|2|three|3|either)\s+(?:of\s+(?:the|its)\s+)?"
                          r"(?:(?:long|longer|short|shorter|front|back|rear|left|right|top|bottom|vertical|outside|outer|"
                          r"upper|lower|side|sharp)\s+){0,2}(?:edges?|corners?)\b|"
                          r"\b(?:long(?=\s+(?:top|bottom|upper|lower|vertical|side|outside|outer)\b)|longer|short|shorter|front|back|"
                          r"rear|left|right|leading|trailing|opposite|diagonal)\s+"
                          r"(?:(?:top|bottom|upper|lower|vertical|side|outside|outer)\s+)?(?:edges?|corners?)\b")
EDGE_SIZE_AFTER = re.compile(
    r"\b(?P<verb>chamfer|bevel|fillet|round|radius|deburr)\s+(?:the\s+|its\s+|both\s+|all\s+(?:the\s+)?)?"
    r"(?:(?P<rims>bore|holes?|inside edges?|inner edges?|inside|id)|(?P<out>od|o\.d\.|outside|outer)(?:\s+(?:edges?|rims?|"
    r"corners?))?)\s+(?:by\s+|to\s+|of\s+|at\s+)?(?P<n>\d*\.?\d+(?:\s*mm)?)(?![\d.])"
    r"(?!\s*(?:x\s*\d|dia|diameter|deep|long|wide))", re.I)
# "chamfer the big hole", "on the middle hole", "the 30 mm hole", "that one": one hole of several named
ONE_HOLE = re.compile(r"\b(?:on\s+|to\s+|around\s+|of\s+)?(?:the|that|this)\s+(?P<which>big|bigger|biggest|large|larger|largest|"
                      r"small|smaller|smallest|cent(?:re|er)|middle|central|main|new|last|corner|(?:[ø⌀]\s*)?\d+(?:\.\d+)?\s*"
                      r"(?:mm\s*)?(?:dia\s*)?|m\d+(?:\.\d+)?)\s*(?:holes?|bores?|one|ones)\b|\b(?:on\s+|to\s+)?(?P<which2>that|this)\s+one\b", re.I)
# "run the keyway the full length", "all the way along", "end to end": along the whole part
FULL_LENGTH = re.compile(r"\b(?:the\s+)?(?:full|whole|entire)\s+length\b|\ball the way (?:along|down|through)\b(?!\s+(?:the\s+)?"
                         r"(?:wall|plate|part|hole))|\bend to end\b|\bfrom end to end\b|\bthe whole way\b")
# "keep the floor", "leave the bottom alone", "the base stays", "not the bottom": an open shell's floor said to stay
FLOOR_KEPT = re.compile(r"\b(?:keep|keeping|leave|leaving|same)\s+(?:the\s+)?(?:bottom|floor|base)\b|"
                        r"\b(?:bottom|floor|base)\s+(?:stays|unchanged|as it is|the same|remains|alone)\b|"
                        r"\bnot the (?:bottom|floor|base)\b|\b(?:don'?t|do not)\s+(?:change|touch)\s+the\s+(?:bottom|floor|base)\b")
# "leave the diameter at 30", "keep the plate 12 thick": the size a word names, and how a change to it is said
KEEP_AT_SIZE = {"height": "height", "length": "length", "width": "width", "thickness": "thickness", "thick": "thickness",
                "long": "length", "wide": "width", "tall": "height", "high": "height"}
KEEP_AT_WORD = {"diameter": "dia", "height": "tall", "length": "long", "width": "wide", "thickness": "thick"}
# "the top left hole", "the front-right one": one copy of a pattern named by its corner in the top view
CORNER_ONE = re.compile(r"\b(?:(top|bottom|front|back|rear|upper|lower|near|far)[\s-]+(left|right)|(left|right)[\s-]+"
                        r"(top|bottom|front|back|rear|upper|lower|near|far))(?:[\s-]+(?:hand|corner))?\b")
EDGE_VERB = re.compile(r"\b(?:fillet|chamfer|round|bevel|radius|radiused|break|ease|soften|deburr)")

# "same hole through the other two directions", "the same hole through the front too", "a matching bore from the side"
SAME_HOLE = re.compile(r"\b(?:same|identical|matching|another|a second)\s+(?:size\s+)?(?:hole|bore)s?\b.*\b(?:through|thru|from|in|on|"
                       r"into|across)\b")

# features said to stay as they are: "hole stays 10", "keep the fillets", "same bore", "holes unchanged"
STAYS = re.compile(r"\b(?:keep|keeping|leave|leaving|same)\s+(?:the\s+|its\s+|all\s+the\s+|those\s+)?(holes?|bores?|fillets?|"
                   r"rounds?|chamfers?|bevels?|slots?|pockets?|walls?)\b(?!\s+(?:\d|to\b))|\b(holes?|bores?|fillets?|rounds?|"
                   r"chamfers?|bevels?|slots?|pockets?|walls?)\s+(?:stays?|unchanged|the same|as (?:is|before)|untouched)\b")

# "make it for M8 instead", "switch to M5 screws", "use M4 bolts": the holes' screw
SCREW_SWITCH = re.compile(r"\b(?:for|to|use|with|take)\s+(?:an?\s+)?m\d+(?:\.\d+)?\b|\bm\d+(?:\.\d+)?\s+(?:screws?|bolts?|"
                          r"cap ?screws?|flat ?heads?|socket heads?|fasteners?)\b")

# "same for the other one", "do the other slot the same", "same on the other end", "the other one too"
# "holes still 3 cm in from the ends", "keep the cross holes 15 from the ends", "corner holes stay 1/2 in from the corners"
STAY_FROM = re.compile(r"\b(?:(?:keep|keeping|leave|leaving)\s+(?:the\s+|its\s+|all\s+(?:the\s+)?)?(?:\w+\s+)?"
                       r"(?P<what>holes?|bores?|slots?|pockets?)|(?P<what2>holes?|bores?|slots?|pockets?)\s+(?:should\s+)?"
                       r"(?:still|stay|stays|remain|remains|kept|to stay)(?:\s+at)?)\s+(?P<d>[\d./]+)\s*(?:mm|cm|in|inch(?:es)?|\")?"
                       r"\s*(?:in\s+)?from\s+(?:the\s+|each\s+|both\s+|either\s+)?(?P<ref>ends?|edges?|sides?|corners?)\b")
THROUGH_HUB = re.compile(r"\b(?:the\s+)?(?:(?:cent(?:er|re)|middle|central|main)\s+)?(?:hole|bore)\s+(?:should\s+|must\s+|to\s+|will\s+|"
                         r"has to\s+|needs to\s+)?(?:go(?:es)?|run(?:s)?|continue(?:s)?|pass(?:es)?|carry|carries)?\s*(?:all the way\s+)?"
                         r"(?:through|thru|into)\s+(?:the\s+)?(?:hub|boss)\b")
# "just one hole", "only a single hole", "take out the other two"
ONLY_ONE = re.compile(r"\b(?:take out|remove|delete|drop|lose|get rid of|ditch)\s+the\s+other\s+(two|2|three|3|ones)\b(?:\s+holes?)?|"
                      r"\b(?:just|only)\s+(?:one|1|a single|a)\s+hole\b(?!\s+(?:in|on|at|through|thru|per|each)\b)")
# a ball cut flat: "a flat on the bottom 5 deep", "cut 5mm off the bottom", "flatten the bottom 5 mm"
BALL_FLAT = re.compile(r"\b(?:flat|flats|flatten\w*)\b|\b(?:cut|take|saw|shave|grind|mill)\b.*\boff\b")
# a distance and what it is measured from ("12 from the left end"), and the words for what a distance can be from
FROM_WHAT = re.compile(r"(?<![\w.])([\d./]+)\s*(?:mm|cm|in(?:ch(?:es)?)?|\"|millimet\w*)?\s*(?:in\s+|away\s+|out\s+|over\s+)?from\s+"
                       r"(?:the\s+|each\s+|both\s+|either\s+|its\s+|one\s+|a\s+|an\s+|1\s+|2\s+|4\s+|all\s+|every\s+|that\s+|this\s+|"
                       r"those\s+|these\s+)*([a-z]+)\b")
PLACE_WORDS = frozenset("""edge end side corner left right top bottom front back rear centre center middle it them each other
long short outside inside outer inner axis face base leg upright flange hub wall lower upper near far first last datum
origin shoulder step tip head rim perimeter nearest closest opposite centreline centerline midpoint mid lefthand righthand
vertical horizontal big small large little free open closed start finish outline periphery boundary nose tail one two
four lh rh ctr cl flank sidewall""".split())
# "make it solid", "fill in the hole" of a tube: its bore filled
SOLID = re.compile(r"\b(?:make|turn) (?:it|the \w+) (?:into a )?solid\b|\b(?:fill) (?:in |up )?(?:the |its )?(?:hole|bore|cent(?:er|re)|"
                   r"middle|inside)\b|\b(?:no|remove the|lose the|get rid of the|delete the|drop the|take out the) (?:(?:cent(?:er|re)|middle|"
                   r"central) )?(?:bore|hole)\b|"
                   r"\bsolid (?:bar|rod|cylinder|disc|puck|instead)\b")
AXIAL_OTHER_END = re.compile(r"^\s*(?:(?:ok|now|and|also|then|please)\W+)*(?:(?:put|add|cut|make|do)\s+)?(?:the\s+)?(?:same|another|"
                             r"a second|1 more|one more|an identical|a matching)\s+(keyways?|flats?|grooves?|one|thing)?\s*(?:again\s+)?"
                             r"(?:on|at|to|in)\s+the\s+(?:other|opposite|far)\s+end\b(?:\s*(?:too|as well|please|pls))?\W*$")
FEATURE_KIND = {"hole": "hole", "bore": "hole", "slot": "slot", "pocket": "pocket"}
MOVE_VERB = re.compile(r"\b(?:move|moved|shift|shifted|slide|put|relocate|bring|place|stick|take)\b")
SAME_OTHER = re.compile(r"\b(?:same|likewise|ditto|match(?:ing)?|do that)\b.*\b(?:other|second|remaining|rest|bottom|"
                        r"underside|top)\b|"
                        r"\b(?:other|second|remaining)\s+(?:one|ones|\w+)\s+(?:too|as well|also|the same|to match)\b")


@dataclass
class EditResult:
    spec: dict | None
    done: list[str] = field(default_factory=list)          # what changed, in words
    notes: list[str] = field(default_factory=list)         # assumptions
    failed: list[str] = field(default_factory=list)        # what could not be done, and why

    @property
    def changed(self) -> bool:
        return bool(self.done)

    def explain(self) -> str:
        bits = []
        if self.done:
            bits.append("Changed: " + "; ".join(self.done) + ".")
        if self.notes:
            bits.append("Assumed: " + "; ".join(dict.fromkeys(self.notes)) + ".")
        if self.failed:
            bits.append("Could not: " + "; ".join(self.failed) + ".")
        return " ".join(bits)


class _Editor:
    def __init__(self, text: str, spec: dict):
        self.said = text.lower()         # the words as written (the reading drops 'as well', 'too')
        # "make it 45 wide - sorry, 45 tall": the size taken back is not changed (both were)
        text, self.pre_notes = retracted(text)      # (and what a rewrite of the words below read them as)
        self.given = _plain(spec)        # as it came (a washer or nut still by its standard size)
        self.spec = _standard_sized(_plain(spec))
        head = re.search(r"\b(?:counterbore|countersink|cbore|c'bore|csink|csk|spot ?face)", text, re.I)
        other = re.search(r"\s*,?\s*\b(?:at|on|from|to|in)\s+the\s+(?:other|opposite|far)\s+(?:end|side|face)\b\s*,?", text, re.I)
        thru = [f for f in self.spec.get("features", []) if f["kind"] == "hole" and not isinstance(f.get("depth"), (int, float))
                and f.get("on", "top") in ("top", "bottom") and "cbore" not in f and "csink" not in f]
        if head and other and len(thru) == 1 and len([f for f in self.spec.get("features", []) if f["kind"] == "hole"]) == 1:
            # "at the other end give it a 20 mm counterbore, 8 deep, around the same hole": the through hole's head on the
            # face it comes out of (the hole drilled from there instead: the same hole)
            h = thru[0]
            h["on"] = "bottom" if h.get("on", "top") == "top" else "top"
            text = text[:other.start()] + " " + text[other.end():]
            text = re.sub(r"\b(?:give it|add|put|cut|machine|make|do)\s+an?\s+([\d./]+\s*(?:mm|cm|in|\")?)\s*(?:dia\w*\s+)?"
                          r"(counterbore|countersink|cbore|c'bore|csink|csk)\b", r"\2 the hole \1 dia", text, flags=re.I)
            text = re.sub(r"\s*,?\s*\b(?:around|round|on|for|at|of)\s+(?:the same|that|the|this)\s+hole\b", "", text, flags=re.I)
            self.flip_note = f"{h['id']} drilled from the {h['on']} face (a through hole: the same hole), its head there"
        self.start = copy.deepcopy(self.spec)
        # "another one the same, 20 from the right end", "an identical hole 25 to the left of it": a copy of the one there
        spelled = correct(text)[0]           # ("anothr one the same ...")
        self.copy = copy_request(spelled, self.spec)
        self.pattern_copy = pattern_copy_request(spelled, self.spec) if self.copy is None else None
        if any(f["kind"] == "hole" for f in self.spec.get("features", [])) and self.spec["body"]["kind"] in (
                "box", "rounded_rect"):
            # "put another one of those counterbored holes at the other end, same distance in", "same hole on the opposite
            # side": the hole copied across the middle (mirrored), its size, head and distance in kept (the other end of
            # a round part is its other face: 'same on the other end' below)
            text = re.sub(r"^\s*(?:(?:also|and|then|now|ok|please)\W+)*(?:(?:put|add|drill|make|cut|do)\s+)?(?:another|a second|one more|"
                          r"an? (?:identical|matching)|(?:the )?same)\s+(?:one\s+)?(?:of\s+(?:those|them|these|that)\s+)?((?:[a-z]+\s+)?)"
                          r"(?:holes?|ones?|bores?)?\s*(?:at|on|to|in|near)\s+the\s+(?:other|opposite|far)\s+(end|side)\b"
                          r"(?:\s*,?\s*(?:at\s+)?(?:the\s+)?same\s+(?:distance|spot|place|position|amount)(?:\s+in)?)?"
                          r"(?:\s*,?\s*(?:please|pls|too|as well))?\s*[.!]*\s*$",
                          lambda m: f"mirror the {m.group(1)}hole to the other {m.group(2)}", text, flags=re.I)
            # "copy the hole to the other end", "same on the right" (one hole off the middle, no edges treated): mirrored
            text = re.sub(r"^\s*(?:(?:ok|now|and|also|then|please)\W+)*(?:copy|duplicate|repeat)\s+(?:the|that|this|it)\s*((?:[a-z]+\s+)?)"
                          r"(?:holes?|ones?)?\s*(?:to|on|at|onto)\s+the\s+(?:other|opposite|far)\s+(end|side)\b",
                          lambda m: f"mirror the {m.group(1)}hole to the other {m.group(2)}", text, flags=re.I)
            if not any(f["kind"] in ("fillet", "chamfer") for f in self.spec.get("features", [])):
                text = re.sub(r"^\s*(?:(?:ok|now|and|also|then|please)\W+)*(?:the\s+)?same\s+(?:hole\s+|thing\s+|one\s+)?(?:on|at|for)\s+"
                              r"the\s+(?:other|opposite|far)?\s*(right|left|end|side)\b(?:\s+(?:end|side))?\s*(?:too|as well|please)?"
                              r"\W*$", "mirror the hole to the other side", text, flags=re.I)
        cross = [f for f in self.spec.get("features", []) if f["kind"] == "hole" and f.get("on") in ("front", "left")]
        if len(cross) == 1 and self.spec["body"]["kind"] in ("cylinder", "tube", "shaft") and \
                not any(f["kind"] in ("fillet", "chamfer") for f in self.spec.get("features", [])):
            # "and the same at the other end" after a cross hole near one end of a bar: that hole mirrored
            text = re.sub(r"^\s*(?:(?:ok|now|and|also|then|please)\W+)*(?:the\s+)?same\s+(?:hole\s+|thing\s+|one\s+)?(?:on|at|for|near)\s+"
                          r"the\s+(?:other|opposite|far)\s+end\b\s*(?:too|as well|please)?\W*$", "mirror the hole to the other end",
                          text, flags=re.I)
        holes_there = [f for f in self.spec.get("features", []) if f["kind"] == "hole"]
        self.edge_of = None
        one = ONE_HOLE.search(text) if len(holes_there) > 1 and re.search(
            r"\b(?:chamfer|bevel|fillet|round|radius|deburr|break|ease)", text, re.I) else None
        if one:
            # "chamfer the big hole 1mm", "1mm chamfer on the middle hole", "chamfer that one": the rims of that hole alone
            self.edge_of = _hole_named(one.group("which"), holes_there, self.spec)
            if self.edge_of is not None:
                text = text[:one.start()] + " the holes" + text[one.end():]
        if holes_there and re.search(r"\b(?:chamfer|bevel|fillet|round|radius|deburr|countersink)", text, re.I) and not re.search(
                r"\b(?:top|bottom|vertical|upright|outside|outer|all|every|corners?|ends?|sides?|edges?)\b(?!\s+(?:holes?|bores?))",
                re.sub(r"\b(?:hole|bore) edges?\b|\b(?:each|every|all the|all|both)\s+(?:holes?|bores?)\b", "", text, flags=re.I), re.I):
            # "chamfer the holes 1 mm", "1mm chamfer on each hole", "chamfer them 1" (holes made last): the holes' rims (a
            # chamfer on the vertical edges and a new 1 mm hole were made)
            text = re.sub(r"\b(chamfer|bevel|fillet|round|radius|deburr)\s+(?:the\s+|all\s+(?:the\s+)?|each\s+|every\s+|both\s+)"
                          r"(?:holes?|bores?)(?:\s+(?:edges?|rims?))?\b", r"\1 on the holes", text, flags=re.I)
            text = re.sub(r"\b(?:on|to|around|for)\s+(?:each|every|all(?:\s+the)?|both)\s+(?:of\s+the\s+)?(?:holes?|bores?)\b",
                          "on the holes", text, flags=re.I)
            if self.spec["features"][-1]["kind"] == "hole" and len(holes_there) == 1:
                text = re.sub(r"\b(chamfer|bevel|fillet|round|radius|deburr)\s+(?:them|those|these)\b", r"\1 on the holes", text,
                              flags=re.I)
                text = re.sub(r"\b(?:on|to|around)\s+(?:them|those|these)\b", "on the holes", text, flags=re.I)
        if sum(_count(f.get("at") or {"kind": "center"}) or len((f.get("at") or {}).get("points") or [0])
               for f in self.spec.get("features", []) if f["kind"] == "hole") == 2 \
                and not any(f["kind"] in ("slot", "pocket", "boss") for f in self.spec.get("features", [])):
            # "make both 16 mm": the two holes the part has
            text = re.sub(r"\b(?:both|the two|the 2)\b(?!\s+(?:of\s+)?(?:the\s+|them\s+)?(?:holes?|bores?|ends?|sides?|edges?|legs?|walls?|"
                          r"faces?|directions?|ways?|of)\b)", "both holes", text, flags=re.I)
        if any(f["kind"] == "hole" for f in self.spec.get("features", [])):
            # "the big one", "add a third one": the holes, by the words people use for them
            text = re.sub(r"\b(big|bigger|small|smaller|large|larger|little|middle|centre|center|other|outer|inner|corner|"
                          r"new|first|last|side)\s+ones\b", r"\1 holes", text, flags=re.I)
            text = re.sub(r"\b(big|bigger|small|smaller|large|larger|little|middle|centre|center|other|outer|inner|corner|"
                          r"new|first|last|side)\s+one\b", r"\1 hole", text, flags=re.I)
            # "8 bolts instead of 6": 8 bolt holes (a count of the holes the bolts go through)
            text = re.sub(r"(?<![\w.])(\d{1,2}|two|three|four|five|six|eight|ten|twelve)\s+(?:x\s+)?(?:bolts|screws|studs|fasteners)\b"
                          r"(?!\s+(?:holes?|bores?))", r"\1 bolt holes", text, flags=re.I)
            # "make the second one 6" (not "a second one": another)
            text = re.sub(r"(?<!\ba\s)\b(second|third|2nd|3rd)\s+one\b",
                          lambda m: {"2nd": "second", "3rd": "third"}.get(m.group(1).lower(), m.group(1)) + " hole", text,
                          flags=re.I)
            text = re.sub(r"\b(?:a (?:second|third|fourth|fifth|sixth)|another|one more) one\b(.*)", r"a hole\1, same size",
                          text, flags=re.I)
        b = self.spec["body"]
        if b["kind"] == "tube" or isinstance(b.get("bore"), (int, float)):
            # "the middle hole" of a tube or a bored disc is its bore
            text = re.sub(r"\b(?:middle|central|centre|center)\s+(?:hole|bore)\b", "center bore", text, flags=re.I)
        if self.spec.get("units", "mm") != "in" and re.search(r"\b(?:corners?|edges?|sides?|ends?)\b", text, re.I):
            # "holes in the corners, 10 in": in from them (an inch is said 'in.', '"' or 'inch' in a mm part)
            text = re.sub(r"\b(\d+(?:\.\d+)?)\s+in\b(?=\s*(?:[,;)]|$|from\b|and\b))", r"\1 mm in", text)
        # "4 holes Ø3, one near each corner": one at each corner (the count said once)
        text = re.sub(r",?\s*\b(?:one|1)\s+(?:near|in|at|by|close to|toward|towards)\s+(?:each|every)\s+corner\b", " at the corners",
                      text, flags=re.I)
        # draughtsman's shorthand: "C1 all round" (a 1 mm chamfer), "cb the holes" (counterbore), "4x -> 6x" (a count)
        text = re.sub(r"\bC(\d+(?:\.\d+)?)\b", r"chamfer \1 mm", text)
        text = re.sub(r"\bcb\b", "counterbore", text, flags=re.I)
        # "ADD C'BORE Ø11 X 6.5 DP TO ALL 4 HOLES": the holes counterbored (no new hole)
        text = re.sub(r"\b(?:add|put|give (?:it|them))\s+(?:an?\s+)?(counterbores?|counter ?bores?|c'?bores?|c/bores?|countersinks?|"
                      r"counter ?sinks?|csk|c'?sinks?|c/sinks?)\s+(.+?)\s+(?:to|on|in|at)\s+(?:all\s+|both\s+|each\s+|every\s+)?"
                      r"(?:of\s+)?(?:the\s+|those\s+)?(?:\d+\s+|four\s+|two\s+)?(holes?|bores?)\b",
                      lambda m: f"{m.group(1)} the {m.group(3)} {m.group(2).replace(' X ', ' x ')}", text, flags=re.I)
        text = re.sub(r"(\d)\s*dp\b\.?", r"\1 deep", text, flags=re.I)
        text = re.sub(r"\b(\d+)\s*x\s*(?:->|→|=>|to)\s*(\d+)\s*x\b", r"make it \2 holes instead of \1", text, flags=re.I)
        text = re.sub(r"^\s*\+\s*([\d.]+\s*(?:mm|cm|in|\")?)\s+(?:on|to)\s+(?:the\s+)?(length|width|height|thickness|"
                      r"diameter)\b", r"\2 +\1", text, flags=re.I)        # "+10 on the length"
        text, fixed = correct(text)          # "make the hoels 6": one letter off a word of the vocabulary
        # "it should have a 20 mm hole in the middle", "I need a slot ...", "there should be a 6 mm hole ...": one more
        text = re.sub(r"^\s*(?:(?:and|also|plus|then|oh|ok|okay|now|so)\W+)*(?:(?:it|this|the \w+|i|we|there)\s+)?(?:(?:should|must|"
                      r"needs? to|has to|have to|will|would|also|still)\s+)*(?:have|get|need|needs|want|wants|be)\s+(?=(?:a|an|one|"
                      r"another)\s+(?:[\w./\"°ø⌀-]+\s+){0,5}?(?:holes?|bores?|slots?|pockets?|boss(?:es)?)\b)", "", text, flags=re.I)
        # "thickness needs to go up to 12": that size
        text = re.sub(r"\b(length|width|height|thickness|diameter|od|id|depth)\s+(?:should|needs? to|has to|must|can|could)\s+"
                      r"(?:go|come|be brought|be taken)\s+(?:up|down)?\s*to\s+(?=[\d.])", r"\1 ", text, flags=re.I)
        # "a 10 mm cross hole through the side", "an M6 tapped hole in the middle", "one 10 mm hole in the centre as well": a
        # new feature said with its article (the holes there were changed)
        lone_art = re.match(r"^\s*(?:(?:and|also|plus|then|oh|ok|okay|now|&)\W+)*(a|an|one|1|another|one more|an extra|a second)\s+"
                            r"(?=(?:[\w./\"°ø⌀-]+\s+){0,5}?"
                            r"(?:holes?|bores?|slots?|pockets?|boss(?:es)?|keyways?)\b)", text, re.I)
        if lone_art and (lone_art.group(1).lower() in ("a", "an", "another", "one more", "an extra", "a second") or re.search(r"\b(?:too|as well|also|plus|extra|additional|"
                                                                              r"another)\b", text, re.I)) and not re.search(
                r"\b(?:just|only|instead|rather|bigger|smaller|larger|wider|narrower|deeper|shallower|longer|shorter)\b", text, re.I):
            text = text[:lone_art.start(1)] + "add " + text[lone_art.start(1):]
        # short forms: "dia 10 holes" (a size, not ten holes), "+20 long", "wider 100", "cbore 14 x 8", "M8 clr"
        # ("2 Ø14 holes through the plate": '14 dia holes', the size before its noun, so that no body word after it
        # takes it as the plate's diameter)
        text = re.sub(r"\b(?:dia\.?|Ø|⌀|diameter)\s*([\d./]+)\s*(?:mm\s*)?(holes?|bores?)\b", r"\1 dia \2", text, flags=re.I)
        text = re.sub(r"^\s*\+\s*([\d./]+\s*(?:mm|cm|in|\")?)\s*(long|wide|thick|tall|high|deep)\b",
                      lambda m: f"{m.group(1)} " + {"long": "longer", "wide": "wider", "thick": "thicker", "tall": "taller",
                                                   "high": "taller", "deep": "deeper"}[m.group(2).lower()], text, flags=re.I)
        text = re.sub(r"^\s*(wider|narrower|taller|shorter|longer|thicker|thinner|deeper|shallower)\s+(?=[\d./]+\s*(?:mm|cm|in|\")?\s*$)",
                      r"\1, ", text, flags=re.I)
        text = re.sub(r"\b(cbore|c'bore|counterbore|counterbores)\s+(?:(?:them|it|the holes?|all|each|those|these)\s+(?:to\s+)?)?"
                      r"([\d./]+)\s*(?:mm\s*)?(?:x|by)\s*([\d./]+)\s*(?:mm)?\s*(?:deep)?\b",
                      r"\1 \2 dia \3 deep", text, flags=re.I)
        if b["kind"] == "cone":
            # "truncate it at 15 dia", "cut the point off at 15 across", "lop the tip off at 15": a flat top that wide
            cut = re.search(r"\b(?:truncate|cut|chop|lop|take|trim)\s+(?:it|the cone|the (?:tip|point|top))(?:\s+off)?\s+(?:at|to)\s+"
                            r"(?:a\s+|where it is\s+|where it's\s+)?([\d./]+)\s*(?:mm)?\s*(?:dia(?:meter)?|across|wide|ø)?",
                            text, flags=re.I)
            D, d0, H = b.get("bottom_diameter"), b.get("top_diameter") or 0.0, b.get("height")
            if cut and isinstance(D, (int, float)) and isinstance(H, (int, float)) and not re.search(
                    r"\b(?:keep|same|still)\b[^.;]*\b(?:tall|high|height)\b", text, flags=re.I):
                d = float(cut.group(1))
                if d0 < d < D:
                    # the cone cut across where it is that wide: what is above goes (the height with it)
                    h = round(H * (D - d) / (D - d0), 6)
                    self.pre_notes.append(f"cut across where it is {fmt(d)} wide: {fmt(h)} tall (the tip above it goes)")
                    text = text[:cut.start()] + f"make the top diameter {fmt(d)} and the height {fmt(h)}" + text[cut.end():]
        if b["kind"] == "profile":
            # "material 5 mm", "stock 6", "sheet thickness 3" of a bent section: its thickness
            text = re.sub(r"^(\W*(?:(?:ok|now|and|then|so|actually|make the|use|change the|go to)\s+)*)(?:material|stock|sheet)"
                          r"(?:\s+thickness)?\s+(?:to\s+|of\s+|=\s*|:\s*)?(?=[\d./]+\s*(?:mm|cm|in|\")?\s*(?:thick)?\W*$)",
                          r"\1thickness ", text, flags=re.I)
        # "10 mm less tall", "5 less wide": shorter, narrower
        text = re.sub(r"\b([\d./]+\s*(?:mm|cm|in|\")?)\s+less\s+(tall|high|long|wide|thick|deep)\b",
                      lambda m: f"{m.group(1)} " + {"tall": "shorter", "high": "lower", "long": "shorter", "wide": "narrower",
                                                    "thick": "thinner", "deep": "shallower"}[m.group(2).lower()], text, flags=re.I)
        # "bump the diameter up 10", "push the length up by 20": that much more
        text = re.sub(r"\b(?:bump|push|kick|crank|take|bring|put)\s+(?:the\s+|its\s+)?(length|width|height|thickness|diameter|depth)\s+"
                      r"up\s+(?:by\s+)?(?=[\d./]+)", r"increase the \1 by ", text, flags=re.I)
        # "cut it in half": half as long (one piece of the two kept)
        text = re.sub(r"\b(?:cut|chop|saw)\s+(?:it|the (?:tube|bar|rod|pipe|part|block|plate|shaft))\s+in\s+(?:half|two)\b",
                      "make it half as long", text, flags=re.I)
        # shop verbs: "rad the vertical corners 5" (round them), "ream it to 12" (the hole to that size)
        text = re.sub(r"^(\W*)(?:rad|radius|radiuse)\s+(the|all|its|every|both)\b", r"\1fillet \2", text, flags=re.I)
        text = re.sub(r"\bream(?:ed)?\s+(?:it|them|the (?:holes?|bores?))\s+(?:out\s+)?(?:to\s+)?(?=[\d./]+)", "make the holes ", text,
                      flags=re.I)
        text = re.sub(r"\b(M\d+(?:\.\d+)?)\s+(?:clr|clear|clearence)\b", r"\1 clearance", text, flags=re.I)
        if self.spec.get("units", "mm") != "in" and any((f.get("at") or {}).get("kind") in ("corners", "grid")
                                                        for f in self.spec.get("features", []) if f["kind"] == "hole"):
            # "holes 15 in", "15 from edges": how far in the corner holes sit (not a 15 inch hole)
            text = re.sub(r"^\s*(?:the\s+)?(?:corner\s+)?holes?\s+([\d./]+)\s*(?:mm\s*)?in\s*$", r"holes \1 mm in from the edges", text,
                          flags=re.I)
            text = re.sub(r"^\s*([\d./]+)\s*(?:mm\s*)?(?:in\s+)?from\s+(?:the\s+)?(?:edges|sides)\s*$", r"holes \1 mm in from the edges",
                          text, flags=re.I)
        if b["kind"] in ("box", "rounded_rect", "profile"):
            # "250 overall", "overall 250": the part's length end to end
            text = re.sub(r"^\s*(?:make it\s+)?(?:overall\s+(?:length\s+)?([\d./]+\s*(?:mm|cm|in|\")?)|([\d./]+\s*(?:mm|cm|in|\")?)\s*"
                          r"(?:overall|in total|total|end to end|oal))\s*(?:long)?\s*(?:please|pls)?\W*$",
                          lambda m: f"make it {m.group(1) or m.group(2)} long", text, flags=re.I)
        # "10 mm shorter each way", "5 wider all round": the outline both ways (the length alone was changed)
        def _both(m):
            v = f"{fmt(float(m.group(2)) * (2 if m.group(5) else 1))}{(' ' + m.group(3)) if m.group(3) else ''}"
            grow = m.group(4).lower() in ("longer", "bigger", "larger", "wider")
            return m.group(1) + (f"{v} longer and {v} wider" if grow else f"{v} shorter and {v} narrower")
        # ("all round": every side out by that much, as a pocket's 'bigger all round')
        text = re.sub(r"^(.*?\b)(\d+(?:\.\d+)?)\s*(mm|cm|in|\")?\s*(shorter|longer|smaller|bigger|larger|narrower|wider)\s+(?:each way|"
                      r"both ways|in both directions|every way|(on both sides|on every side|all round|all around))\b",
                      _both, text, flags=re.I) if b["kind"] in ("box", "rounded_rect") and not FEATURE_WORD.search(re.sub(r"\ball\s+a?round\b", "", text, flags=re.I)) else text
        if not any(f["kind"] == "hole" and f.get("on", "top") not in ("top", "bottom") for f in self.spec.get("features", [])):
            # "cross hole 6 mm through both walls 10 from each end" with none there: new ones (the bore was resized)
            text = re.sub(r"^\s*((?:and|also|plus|then)\s+)?(?=(?:(?:two|2|\d+)\s+)?(?:[\d./]+\s*mm\s+)?cross[- ]?holes?\b)", r"\1add ",
                          text, flags=re.I)
        if b["kind"] in ("tube", "cylinder", "shaft") and re.search(r"\bcross[- ]?holes?\b", text, re.I):
            # "a cross hole ... in the middle": halfway along (mid-length, the default said), not the bore resized
            text = re.sub(r",?\s*\b(?:in|at)\s+the\s+(?:middle|cent(?:er|re))(?:\s+of\s+(?:the|its)\s+length)?\b|,?\s*\bhalfway"
                          r"(?:\s+along)?\b|,?\s*\bat\s+mid-?length\b", "", text, flags=re.I)
        # "make the top chamfer 2": that chamfer's size (the fillets were made chamfers); "remove all edge treatments"
        text = re.sub(r"\b(?:make|set|change)\s+(the|its)\s+((?:top|bottom|vertical|upright|side|outer|outside|corner|edge)\s+"
                      r"(?:chamfers?|fillets?|rounds?|bevels?|radius|radii))\s+(?:to\s+|at\s+)?(?=[\d./]+)", r"\1 \2 ", text, flags=re.I)
        text = re.sub(r"\b(?:all\s+(?:the\s+)?)?edge\s+(?:treatments?|breaks?|finishing)\b", "fillets and the chamfers", text, flags=re.I)
        if re.search(r"\bchamfers?\b", text, re.I):
            # "45 degree chamfers 4 mm", "4 x 45° chamfer": the angle of a plain chamfer, no size
            # (the size by its angle first: "1 x 45°" left "1 x", a scale by one)
            text = re.sub(r"([\d./]+\s*(?:mm)?)\s*x\s*45\b(?!\s*mm)(?:\s*(?:°|º|deg(?:ree)?s?)(?=\W|$))?", r"\1", text, flags=re.I)
            text = re.sub(r"\s*\b(?:at\s+)?45\s*(?:°|deg(?:ree)?s?|degree)(?=\W|$)", " ", text, flags=re.I)
        # "hole to the middle, 15 dia": moved there too (only its size was changed)
        text = re.sub(r"^(\s*(?:(?:ok|now|and|then|so|also)\W+)*)(the\s+)?(holes?|slots?|pockets?|boss(?:es)?)\s+(?:to|into|back to)\s+"
                      r"the\s+(middle|cent(?:er|re))\b", r"\1move the \3 to the \4", text, flags=re.I)
        # "hole r6": a radius (Ø12, not Ø6); "countersink 90 deg 20": the angle, then the diameter
        text = re.sub(r"\b(holes?|bores?)\s+(?:r|rad\.?|radius)\s*(\d+(?:\.\d+)?)\b(?!\s*(?:mm\s*)?(?:corners?|edges?|fillets?))",
                      lambda m: f"{m.group(1)} {fmt(2 * float(m.group(2)))} dia", text, flags=re.I)
        text = re.sub(r"\b(countersinks?|csk|c'sink)\s+(\d+)\s*(?:°|deg\w*)\s+(\d+(?:\.\d+)?)\b", r"\1 \3 x \2°", text, flags=re.I)
        # "an extra one in between the two", "one in the middle": not one inch
        text = re.sub(r"\b(one|1)\s+in\s+(?=between\b|the\s+(?:middle|cent(?:er|re))\b)", r"\1 at ", text, flags=re.I)
        text = re.sub(r"\bin\s+between\b", "between", text, flags=re.I)
        # "the 2nd hole", "the 1st one": the ordinal words
        text = re.sub(r"\b(1st|2nd|3rd)\b", lambda m: {"1st": "first", "2nd": "second", "3rd": "third"}[m.group(1).lower()], text,
                      flags=re.I)
        text = re.sub(r"\bun-?shell(?:ed)?\b(?:\s+it)?", "make it solid", text, flags=re.I)     # "un-shell it": solid again
        # "thickness -> 8mm", "length = 120": that size
        text = re.sub(r"\b(length|width|height|thickness|diameter|od|id|depth)\s*(?:->|→|=>|=|:)\s*(?=[\d.])", r"\1 ", text,
                      flags=re.I)
        blind = [f for f in self.spec.get("features", []) if f["kind"] == "hole" and isinstance(f.get("depth"), (int, float))]
        if len(blind) == 1:
            # "drill it all the way through" with one blind hole there: that hole through (not a new one)
            text = re.sub(r"\b(?:drill|bore|run|take|make|put)\s+(?:it|that|the hole|that hole|this)\s+(?:all\s+the\s+way\s+|right\s+|"
                          r"straight\s+|clean\s+)?(?:through|thru)\b", "make the hole go through", text, flags=re.I)
        # "cut the pocket all the way through so it's a window": the pocket there made through (not a new one)
        text = re.sub(r"\b(?:cut|drill|mill|take|run|machine)\s+(the|that|its|those|these)\s+(pockets?|slots?|holes?|bores?|recess(?:es)?)\s+"
                      r"(?:all\s+the\s+way\s+|right\s+|straight\s+|clean\s+)?(?:through|thru)\b(?:\s+the\s+(?:plate|part|block|"
                      r"base|bottom))?(?:\s*,?\s*so\s+(?:that\s+)?(?:it'?s|it\s+is|it\s+becomes|they'?re|there'?s)\s+(?:a|an)\s+"
                      r"(?:window|opening|cut-?out|through\s+\w+|hole|slot)s?)?", r"make \1 \2 go through", text, flags=re.I)
        # "height back to 8": that size again
        text = re.sub(r"\b(length|width|height|thickness|diameter|od|id|depth|wall|walls)\s+back\s+(?:down\s+|up\s+)?to\s+(?=[\d.])",
                      r"\1 ", text, flags=re.I)
        # "length should be 80", "width needs to be 70", "thickness: 8": that size
        text = re.sub(r"\b(length|width|height|thickness|diameter|od|id|depth)\s+(?:should|needs? to|has to|must|ought to|"
                      r"wants? to|is to|will|would|could|can)\s+(?:now\s+)?be\s+", r"\1 ", text, flags=re.I)
        have = {f["kind"] for f in self.spec.get("features", [])}
        # "put the hole 30 from the left end": the hole there, placed (not a new one)
        text = re.sub(r"\bput (the|that|this|those|these|its) ((?:\w+ )?)(holes?|slots?|pockets?|bores?|boss(?:es)?)\b"
                      r"(?!\s+back\b)",
                      lambda m: f"move {m.group(1)} {m.group(2)}{m.group(3)}" if {"bore": "hole", "bores": "hole",
                                                                                   "holes": "hole", "slots": "slot",
                                                                                   "pockets": "pocket", "bosses": "boss"}.get(
                          m.group(3).lower(), m.group(3).lower()) in have and m.group(2).strip().lower() not in (
                          "same", "new", "other", "extra", "second", "third") else m.group(0), text, flags=re.I)
        placed = [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "pocket", "slot", "boss")]
        if len(placed) == 1:
            # "put it 25 in from the right edge": the one placed feature there, moved (not a new one)
            text = re.sub(r"\b(?:put|place|stick|set)\s+it\b(?=.*\b(?:from|left|right|up|down|corner|cent(?:er|re)|middle)\b)",
                          "move it", text, flags=re.I)
        lone = [f for f in self.spec.get("features", []) if f["kind"] == "hole" and (f.get("at") or {"kind": "center"})["kind"]
                in SINGLE_AT and len((f.get("at") or {}).get("points") or [0]) == 1]
        if len(lone) == 1 and len([f for f in self.spec.get("features", []) if f["kind"] == "hole"]) == 1:
            # "put a second 5mm hole in the leg with the hole", "another one next to it": that hole made a row of two
            size = lone[0].get("size")
            text = re.sub(r"\b(?:put|add|drill)\s+(?:a\s+|one\s+)?(?:second|2nd|another|one more|an extra)\s+(?:([\d./]+)\s*(?:mm\s*)?)?"
                          r"(?:hole|one)\s+(?:(?:in|on)\s+the\s+(?:leg|arm|side|face|flange)\s+(?:with|that has|where)\s+(?:the|that)\s+hole"
                          r"(?:\s+is)?|(?:next to|beside|by)\s+(?:it|the hole|that one|the first one))\b",
                          lambda m: "make the hole 2 holes" if m.group(1) is None or (isinstance(size, (int, float)) and
                                                                                   math.isclose(float(m.group(1)) * (
                                                                                       25.4 if self.spec.get("units") == "in"
                                                                                       else 1.0), size))
                          else m.group(0), text, flags=re.I)
        # "add a second hole in each leg": one more in each (each lone hole made a row of two)
        text = re.sub(r"\b(?:a\s+)?(?:second|2nd|another|one more|an extra|1 more)\s+(holes?|bores?)(?=\s+(?:in|on|to|through)\s+"
                      r"(?:each|both|every)\b)", r"1 more \1", text, flags=re.I)
        # "the pocket 20 mm off centre to the right": moved that way
        text = re.sub(r"\b([\d.]+\s*(?:mm|cm|in|\")?)\s+off\s*-?\s*cent(?:er|re)\s+(?:to(?:wards)?\s+)?(?:the\s+)?(left|right|front|"
                      r"back|up|down)\b", r"moved \1 to the \2", text, flags=re.I)
        sw = re.search(r"\b(?:swap|switch|exchange|flip)\s+(?:the\s+)?(length|width|height)\s+(?:and|with|for)\s+(?:the\s+)?"
                       r"(length|width|height)\b", text, flags=re.I)
        if sw and b["kind"] == "box" and sw.group(1).lower() != sw.group(2).lower():
            # "swap length and width": each the other's size now
            x, y = sw.group(1).lower(), sw.group(2).lower()
            word = {"length": "long", "width": "wide", "height": "tall"}
            text = text[:sw.start()] + f"make it {fmt(b[y])} {word[x]} and {fmt(b[x])} {word[y]}" + text[sw.end():]
        web = re.search(r"\b(?:the\s+)?(?:web|stem)\s+(?:(?:is\s+|to\s+|should be\s+|now\s+)?([\d./]+)\s*(?:mm\s*)?(?:tall|high)|"
                        r"(?:tall|high)(?:er)?\s*(?:,|:|to|at)?\s*([\d./]+))\b(?!\s*(?:mm\s*)?(?:overall|in total|total))",
                        text, flags=re.I) if b["kind"] == "profile" and b.get("shape") == "T" and b.get("lip") else None
        if web:
            # "web 60 tall" of a T said as a base plate with a web on it: the web stands 60 above the flange
            n = float(web.group(1) or web.group(2))
            total = round(n + b["lip"], 6)
            self.pre_notes.append(f"the web {fmt(n)} above the {fmt(b['lip'])} mm flange: {fmt(total)} tall overall")
            text = text[:web.start()] + f"make it {fmt(total)} tall" + text[web.end():]
        if b["kind"] == "profile" and b.get("shape") == "L":
            # "longer base, 70", "a taller upright: 60": that leg, to that size
            text = re.sub(r"\b(?:longer|shorter|taller|higher|lower|bigger|smaller|deeper)\s+(base|upright|bottom|vertical|"
                          r"horizontal)(?:\s+(?:leg|arm|part|side))?\s*[,:]?\s*(?:to\s+|at\s+|of\s+)?(?=\d*\.?\d)",
                          r"\1 leg ", text, flags=re.I)
            # "make the horizontal part 70 long", "base 70 long", "vertical side 100", "cut the upright down to 60": that leg
            # (the run along the part was changed)
            text = re.sub(r"(?<!\bin )(?<!\bon )(?<!\bof )(?<!\bto )(?<!\bat )(?<!\binto )(?<!\bfrom )(?<!\bthrough )"
                          r"(?<!\bin the )(?<!\bon the )(?<!\bof the )(?<!\bto the )(?<!\bat the )(?<!\binto the )(?<!\bfrom the )"
                          r"(?<!\bthrough the )"
                          r"\b(?:the\s+)?(base|bottom|horizontal|flat|lower|upright|vertical|standing|upper)(?:\s+(?:part|side|section|"
                          r"piece|bit|portion|one))?\b(?!\s+(?:leg|arm|flange|legs|edges?|holes?|face)\b)(?=\s+(?:(?:down\s+|up\s+)?to\s+|"
                          r"should be\s+|=\s*|is\s+)?[\d./]+|\s+(?:down|up)\s+to\b)",
                          lambda m: "the " + ("base" if m.group(1).lower() in ("base", "bottom", "horizontal", "flat", "lower")
                                              else "upright") + " leg", text, flags=re.I)
            text = re.sub(r"\b(make|set|cut|trim|bring|extend|shorten|lengthen|change)\s+(?:the\s+)?(base|bottom|horizontal|flat|lower|upright|"
                          r"vertical|standing|upper)(?:\s+(?:part|side|section|piece|bit|portion|one))?\b(?!\s+(?:leg|arm|flange|legs|"
                          r"edges?|holes?|face)\b)",
                          lambda m: f"{m.group(1)} the " + ("base" if m.group(2).lower() in ("base", "bottom", "horizontal", "flat",
                                                                                          "lower") else "upright") + " leg",
                          text, flags=re.I)
            # "make it 50 x 50", "50x50x5": the legs (and the thickness)
            text = re.sub(r"^\s*(?:(?:make|change|go to|switch to)\s+(?:it|the (?:angle|bracket|section))\s+(?:to\s+)?)?(\d+(?:\.\d+)?)\s*"
                          r"(?:mm\s*)?[x×]\s*(\d+(?:\.\d+)?)(?:\s*(?:mm\s*)?[x×]\s*(\d+(?:\.\d+)?))?\s*(?:mm)?\s*(?:legs?|angle|"
                          r"section|instead|please)?\s*$",
                          lambda m: f"legs {m.group(1)} x {m.group(2)}" + (f" and {m.group(3)} thick" if m.group(3) else ""),
                          text, flags=re.I)
        if b["kind"] == "profile" and b.get("shape") == "L" and b.get("width") != b.get("height"):
            # "make the 30 leg 45": the leg that is 30 (the base runs along X: its width; the upright: its height)
            def _leg(m):
                v = float(m.group(1)) * (25.4 if re.search(r"\d\s*(?:\"|in)", m.group(0)) else unit_mm(UNITS.get(
                    self.spec.get("units", "mm"))) if UNITS.get(self.spec.get("units", "mm")) else 1.0)
                which = "base" if math.isclose(v, b["width"], abs_tol=1e-6) else "upright" if math.isclose(
                    v, b["height"], abs_tol=1e-6) else None
                return f"the {which} {m.group(2)}" if which else m.group(0)
            text = re.sub(r"\b(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:mm\s*|\"\s*|in(?:ch(?:es)?)?\s+)?(leg|arm|flange)\b", _leg, text,
                          flags=re.I)
            # "the long leg", "the short one": by their sizes
            long_is = "base" if b["width"] > b["height"] else "upright"
            short_is = "upright" if long_is == "base" else "base"
            text = re.sub(r"\b(?:long|longer|longest|big|bigger)\s+(leg|arm|flange)\b", rf"{long_is} \1", text, flags=re.I)
            text = re.sub(r"\b(?:short|shorter|shortest|small|smaller)\s+(leg|arm|flange)\b", rf"{short_is} \1", text, flags=re.I)
        if b["kind"] == "shaft" and len(b.get("sections") or []) >= 2 and re.search(r"\bshank\b", text, re.I):
            # "shank 50 long instead" on a pin with a head: the longest section under it
            shank = max(b["sections"], key=lambda s_: s_["length"])
            text = re.sub(r"\b(?:the\s+)?shank\b", f"the {fmt(shank['diameter'])} dia section", text, flags=re.I)
        if any(f["kind"] == "wall_slot" for f in self.spec.get("features", [])) and \
                not any(f["kind"] in ("hole", "slot", "pocket") for f in self.spec.get("features", [])):
            # "make the window 60 long", "widen the slit" on a tube with a slot through its wall: that slot
            text = re.sub(r"\b(?:windows?|openings?|cut-?outs?|slits?)\b", "slot", text, flags=re.I)
        if any(f["kind"] == "pocket" and f.get("shape") in ("d", "double_d") for f in self.spec.get("features", [])) and \
                not any(f["kind"] == "hole" for f in self.spec.get("features", [])):
            # "make the hole 6.35", "the flats 8 apart" on a part whose only hole is a D: that D hole
            text = re.sub(r"(?<!across )\bthe\s+(?:holes?|bores?|flats?)\b", "the d hole", text, flags=re.I)
        flat = next((f for f in self.spec.get("features", []) if f["kind"] == "flat"), None)
        D = b.get("diameter") or (b["sections"][0]["diameter"] if b.get("sections") else None)
        if flat is not None and isinstance(D, (int, float)):
            # "and 6.5 across flats" on a Ø8 shaft with a flat: the flat 1.5 deep; "the flat": that feature
            text = re.sub(r"\b(\d+(?:\.\d+)?)\s*(?:mm\s*)?across\s+(?:the\s+)?flats?\b(?!\s*(?:\"|in\b))",
                          lambda m: f"d-flat {fmt(D - float(m.group(1)))} deep" if 0 < float(m.group(1)) < D
                          else m.group(0), text, flags=re.I)
            text = re.sub(r"(?<!across )\bthe\s+flat\b", "the d-flat", text, flags=re.I)
        if any(f["kind"] == "boss" for f in self.spec.get("features", [])):
            # "make the post 40 tall": the boss the part has, by the word the user gave it (not a body of that name)
            from .spelling import boss_words

            named = f"{b.get('id', '')} {b.get('name', '')}".lower().replace("_", " ")
            words = [w for w in boss_words() if w not in named]
            if words:
                text = re.sub(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b",
                              lambda m: "bosses" if m.group(1).endswith("s") and not m.group(1).endswith("ss") else "boss",
                              text, flags=re.I)
        # "add a stem underneath, 6 dia 10 long", "put a 6 mm peg on top": a boss added (not the body resized to it)
        if re.search(r"\b(?:add|adding|put|stick|extrude|give\s+it|with)\b", text, re.I):
            named = f"{b.get('id', '')} {b.get('name', '')}".lower().replace("_", " ")
            nouns = [w for w in ADDED_BOSS_NOUNS if w not in named]
            text = re.sub(r"\b(" + "|".join(nouns) + r")s?\b(?!\s*(?:-\s*)?holes?\b)", "boss", text, flags=re.I)
        # "same hole again but 25 from the right edge": another hole of that size, there
        placed = [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "slot", "pocket", "boss")]
        said = _said_again(placed[0]) if len(placed) == 1 else None
        if said is not None:
            # "and one dead centre as well" beside the two holes (pockets, ...) there: one more of them, in the middle
            text = re.sub(r"^\W*(?:(?:and|also|plus|then|ok|now)\W+)*(?:one|1|another(?:\s+(?:one|1))?)\s+(?:more\s+)?"
                          r"(?:(?:the\s+)?same\s+)?(?:(?:dead|right|exactly|bang)\s+)?(?:(?:in|at)\s+the\s+)?(?:cent(?:er|re)|"
                          r"middle)\b(?:\s+(?:as well|too|also))?\W*$", f"add {said} in the middle", text, flags=re.I)
        last_hole = next((f for f in reversed(self.spec.get("features", [])) if f["kind"] == "hole"), None)
        if last_hole is not None:
            size = last_hole["size"] if isinstance(last_hole["size"], str) else f"{fmt(last_hole['size'])} mm"
            text = re.sub(r"^(.*?)\b(?:the\s+)?same\s+(hole|bore)\s+(?:again|once more)\b(?:\s*,?\s*but\b)?(.*)$",
                          lambda m: f"{m.group(1)}add a {size} {m.group(2)}{m.group(3)}", text, flags=re.I)
        if any((f.get("at") or {}).get("kind") == "grid" for f in self.spec.get("features", []) if f["kind"] == "hole"):
            # "4 by 3 instead" on a part with a grid of holes: the grid's counts (not a 4 x 3 part)
            text = re.sub(r"^\s*(?:(?:ok|now|and|then|so|actually|make it|make that|go|do|try)\W+)*(\d{1,2})\s*(?:x|by|×)\s*(\d{1,2})"
                          r"(?:\s+(?:grid|pattern|array))?\s*(?:instead|then|please|pls|now)?\W*$",
                          r"make the holes a \1 x \2 grid", text, flags=re.I)
            # "hmm too many. back to 3 by 3 (keep the 6mm) and ...": the grid's counts, said back (not a 3 mm hole)
            text = re.sub(r"\b(?:(?:go|going|get|change|put it|make it|make them)\s+)?back to (?:a |the )?(\d{1,2})\s*(?:x|by|×)\s*"
                          r"(\d{1,2})\b(?!\s*(?:mm|cm|in\b|\"|[\d.]))(?:\s+(?:grid|pattern|array))?",
                          r"make the holes a \1 x \2 grid", text, flags=re.I)
            # "go to a 3 by 3 grid on the same square", "switch to a 4x4 pattern": the holes' grid
            text = re.sub(r"^\s*(?:(?:ok|now|and|then|so|actually)\W+)*(?:go|switch|change|move|change it|make it|make them|use|do)\s+"
                          r"(?:to\s+|into\s+)?an?\s+(\d{1,2})\s*(?:x|by|×)\s*(\d{1,2})\s+(?:grid|pattern|array)\b",
                          r"make the holes a \1 x \2 grid", text, flags=re.I)
        grids = [f for f in self.spec.get("features", []) if f["kind"] == "hole" and (f.get("at") or {}).get("kind") == "grid"]
        if len(grids) == 1:
            # "a 3 by 3 grid on the same 60 square": the span the grid has (said again), not the part's size
            g_at = grids[0]["at"]
            spans = [(c - 1) * sp for c, sp in zip(g_at["counts"], _pair(g_at.get("spacing")))]
            unit = {"mm": 1.0, "cm": 10.0, "in": 25.4}.get(self.spec.get("units", "mm"), 1.0)
            text = re.sub(r"\b(on|in|over|across|within)\s+the\s+same\s+([\d.]+)\s*(?:mm\s*)?(square|rectangle|pattern)\b",
                          lambda m: f"{m.group(1)} the same {m.group(3)}" if any(
                              math.isclose(float(m.group(2)) * unit, x) for x in spans) else m.group(0), text, flags=re.I)
        if b["kind"] not in ("cylinder", "tube", "cone", "sphere", "shaft") and not isinstance(b.get("bore"), (int, float)):
            sizes = {f.get("size") for f in self.spec.get("features", []) if f["kind"] == "hole"}
            if len(sizes) == 1:
                # "Ø12" alone on a plate with holes of one size: the holes
                text = re.sub(r"^\s*(?:(?:ok|now|and|then|so|make (?:it|them)|go(?: to)?)\W+)*(?:Ø|⌀|dia\.?\s*)\s*([\d./]+\s*(?:mm|cm|in|\")?)"
                              r"\s*(?:please|pls|instead|then)?\W*$", r"holes \1", text, flags=re.I)
        if any(f["kind"] == "hole" and (f.get("at") or {}).get("kind") == "grid" and (f["at"].get("counts") == [2, 2])
               for f in self.spec.get("features", [])):
            # "bring the screw holes in to a 50 square", "put the holes on a 60 x 40 rectangle": the 2 x 2 grid's centres
            text = re.sub(r"^\s*(?:(?:ok|now|and|also|then|please)\W+)*(?:bring|move|put|shift|spread|pull|push|set|make)\s+"
                          r"((?:the|those|these|its|all the)\s+(?:\w+\s+)?holes|them)\s+(?:(?:in|out|back)\s+)?(?:to|on|onto|at)\s+"
                          r"(?:an?\s+)?([\d.]+)\s*(?:mm\s*)?(?:(?:x|by)\s*([\d.]+)\s*(?:mm\s*)?(?:rectangle|rect|pattern)|square)\b",
                          lambda m: f"space {m.group(1)} {m.group(2)} x {m.group(3) or m.group(2)}", text, flags=re.I)
        if last_hole is not None:
            # "change the hole pattern to 70 x 30": the holes' spacing both ways (not a size of 70)
            text = re.sub(r"\b(pattern|layout|spacing|cent(?:er|re)s)\s+(?:to|of|at|is|=|->)\s+(?=[\d.]+\s*(?:mm\s*)?[x×]\s*[\d.]+)",
                          "spacing ", text, flags=re.I)
        if b["kind"] in ("box", "rounded_rect") and isinstance(b.get("length"), (int, float)) and \
                isinstance(b.get("width"), (int, float)) and b["length"] != b["width"]:
            # "make the short side 90", "the long edge should be 150": the outline's shorter or longer side
            short, long_ = ("width", "length") if b["length"] > b["width"] else ("length", "width")
            text = re.sub(r"\b(?:the\s+)?(short|shorter|narrow|long|longer)\s+(?:side|edge|dimension|way)\s*(?:should be|"
                          r"needs to be|has to be|to|=|:|is|of|at|->)?\s*(?=[\d.])",
                          lambda m: f"the {short if m.group(1).startswith(('short', 'narrow')) else long_} ", text, flags=re.I)
        if last_hole is not None:
            # "so the end ones are 15 from the ends": the end holes of a row set that far from the part's ends
            text = re.sub(r"\b(?:so\s+(?:that\s+)?)?the\s+(?:end|outer|outside|outermost|first and last|two end)\s+(?:ones|holes)\s+"
                          r"(?:are|sit|end up|come|land)\s+(?=[\d.])", "holes stay ", text, flags=re.I)
            # "2 more either side, 30 away": each that far from the one in the middle (a row that far apart)
            text = re.sub(r"\b((?:either|each|both)\s+sides?\b[^.;]*?)\b([\d.]+\s*(?:mm\s*)?)(?:away|out|off)\b", r"\1\2apart",
                          text, flags=re.I)
        if last_hole is not None and re.search(r"\bout\b|\bto\s+[\d.]|\bup\s+to\b", text, re.I):
            # "drill the corner holes out to 6.5", "re-drill them to 8": the holes there made bigger, not new ones
            text = re.sub(r"\b(?:re-?)?drill(?:\s+out)?\s+(?=(?:the|those|these|them|it|that|all the|all|both)\b)", "make ", text,
                          flags=re.I)
            text = re.sub(r"^(\s*make\b.*?)\s+out\s+(?=to\b)", r"\1 ", text, flags=re.I)
        # "the holes are 2mm too small": 2 mm bigger (not a size of 2)
        opposite = {"small": "bigger", "big": "smaller", "large": "smaller", "short": "longer", "long": "shorter",
                    "thin": "thicker", "thick": "thinner", "narrow": "wider", "wide": "narrower", "shallow": "deeper",
                    "deep": "shallower", "tall": "shorter", "low": "taller", "high": "lower"}
        text = re.sub(r"\b(?:is|are|was|were|'s|'re)?\s*(\d+(?:\.\d+)?\s*(?:mm|cm|in|\")?)\s+too\s+(small|big|large|short|long|thin|thick|"
                      r"narrow|wide|shallow|deep|tall|low|high)\b", lambda m: f" {m.group(1)} {opposite[m.group(2).lower()]}",
                      text, flags=re.I)
        # "I think 5mm is too thin, let's do 8": the size the part has that is said to be wrong, changed to the new one
        text = re.sub(r"\b(\d+(?:\.\d+)?)\s*(mm|cm|in|\")?\s+(?:is|was|seems|looks|feels)\s+(?:a bit |a little |way |much |kinda |"
                      r"rather |far |just )?too\s+\w+\W+(?:so\s+)?(?:let'?s\s+(?:do|go|try|use|make it)(?:\s+with)?|make it|go(?: with| to)?|"
                      r"try|use|do|change (?:it|that) to)\s+(\d+(?:\.\d+)?)",
                      lambda m: f"change {m.group(1)}{m.group(2) or ''} to {m.group(3)}", text, flags=re.I)
        # "it's a bit tall, knock 10 off": off the size the words just named
        text = re.sub(r"\b(tall|high|long|wide|thick)\b([^.;]*?)\b(knock|take|cut|shave|chop|trim)\s+([\d./]+\s*(?:mm|cm|in|\")?)\s+off\b"
                      r"(?!\s+(?:the|its|of))",
                      lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)} {m.group(4)} off the "
                                f"{ {'tall': 'height', 'high': 'height', 'long': 'length', 'wide': 'width', 'thick': 'thickness'}[m.group(1).lower()]}",
                      text, flags=re.I)
        text = re.sub(r"\bdeburr(?:ed)?\b", "chamfer", text, flags=re.I)       # "deburr the holes 0.5": a small chamfer
        # "holes count make 8", "hole count -> 6", "number of holes 8": a count (it was read as the holes' size)
        text = re.sub(r"\b(?:(?:the\s+)?(?:bolt\s+|mounting\s+)?holes?\s+count|(?:the\s+)?(?:number|no\.?|qty|quantity)\s+of\s+(?:bolt\s+)?holes)"
                      r"\s*(?:make|to|=|:|->|→|is|of|should be|becomes|now|make it|go to)?\s*(\d+)\b(?!\s*(?:mm|cm|in|\"|\.\d))",
                      r"make it \1 holes", text, flags=re.I)
        # "cut it at 70": to 70; "saw off 15": 15 off
        text = re.sub(r"\b(cut|chop|saw)\s+((?:it|the \w+)\s+)?(?:off\s+)?at\s+(?=[\d.])", r"\1 \2to ", text, flags=re.I)
        text = re.sub(r"\b(cut|chop|saw|lop|trim)\s+off\s+([\d./]+\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?)\s*(?:please|pls)?\W*$", r"\1 \2 off",
                      text, flags=re.I)
        # "cut 20mm off", "saw 2 inches off it": stock cut off shortens the part (its length)
        text = re.sub(r"^(.*\b(?:cut|chop|saw|lop|trim)\s+(?:it\s+)?)([\d./]+\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?)\s+off(?:\s+(?:it|of it))?"
                      r"\s*(?:please|pls)?\W*$", r"\1\2 off the length", text, flags=re.I)
        if b["kind"] == "box" and self.spec.get("units", "mm") in ("mm", "in", "cm"):
            # "make the 30 side 35": the size that is 30 now (one of them only)
            per = {"mm": 1.0, "cm": 10.0, "in": 25.4}[self.spec.get("units", "mm")]

            def _by_size(m):
                hits = [k for k in ("length", "width", "height") if isinstance(b.get(k), (int, float))
                        and math.isclose(float(m.group(1)) * per, b[k], rel_tol=1e-6)]
                return f"the {hits[0]} " if len(hits) == 1 else m.group(0)
            text = re.sub(r"\b(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:mm\s*|\"\s*|cm\s*)?(?:side|edge|dimension|dim|way|measurement|size)\s+"
                          r"(?:(?:to|should be|needs to be|=|->|at)\s+)?(?=[\d.])", _by_size, text, flags=re.I)
        # "drop the corner holes, I'll clamp it instead", "R4 in the corners so I can mill it": why, not what
        text = re.sub(r"(?<=\w)\s*(?:[,;:.!-]\s*|\s+(?=so\b|because\b|since\b|as\b))(?:(?:because|since|as|so that|so|cause|'cause)\s+)?"
                      r"(?:i'?ll|i will|we'?ll|we will|i can|we can|i'?m going to|we'?re going to|i'?m gonna|i have to|we have to|"
                      r"it'?ll|it will|it needs to|it has to|it doesn'?t|it does not|it won'?t|it can(?:'?t|not)?|it stays|it sits|it fits)\b"
                      r"[^,;.]*[.!]*\s*$", "", text, flags=re.I)
        # "twice the wall thickness, same OD": the wall twice as thick
        text = re.sub(r"\b(twice|double|triple)\s+(?:the\s+|its\s+)?wall(?:\s+thickness)?\b", r"wall \1 as thick", text, flags=re.I)
        # "teacher says just one hole", "boss wants it 10 thick": what is asked, not who asked it
        text = re.sub(r"^\s*(?:(?:my|the|our|his|her)\s+)?(?:teacher|boss|customer|client|prof|professor|tutor|instructor|"
                      r"supervisor|manager|engineer|dad|mum|mom|wife|husband|friend|he|she|they)\s+(?:says?|said|wants?|reckons?|"
                      r"thinks?|told me|asked for)\s+(?:that\s+|to\s+)?", "", text, flags=re.I)
        # "bump the outside diameter up 20%": 20% bigger
        text = re.sub(r"\b(up|down)\s+(?:by\s+)?([\d.]+)\s*%", lambda m: f"{m.group(2)}% "
                      + ("bigger" if m.group(1).lower() == "up" else "smaller"), text, flags=re.I)
        if any(f["kind"] == "pocket" for f in self.spec.get("features", [])):
            # "open the pocket up to 35 square": 35 x 35
            text = re.sub(r"\b(pocket\b[^.;]*?)\b([\d.]+)\s*(mm\s*)?square\b", r"\1\2 x \2 \3", text, flags=re.I)
        deep = [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "pocket", "slot") and isinstance(f.get("depth"),
                                                                                                         (int, float))]
        if deep and not any(f["kind"] == "shell" for f in self.spec.get("features", [])) and len({f["kind"] for f in deep}) == 1 \
                and not FEATURE_WORD.search(text) and not re.search(r"\b(?:part|plate|block|whole|body|box|bar)\b", text, re.I) \
                and re.search(r"\b(?:deeper|shallower)\b", text, re.I):
            # "deeper, 8", "5 mm deeper" on a block with a blind hole: the hole (only it has a depth), not the block's height
            text = f"the {deep[-1]['kind']} " + re.sub(r"^\s*(?:(?:ok|now|and|also|then|please|make it|make)\s+)*", "",
                                                      re.sub(r"\b(?:make|have)\s+it\s+", "", text, flags=re.I), flags=re.I)
        # "make the counterbore 14 wide", "the hole 12 across": a round feature's diameter (not the part's width)
        text = re.sub(r"\b((?:counterbores?|cbores?|c'bores?|countersinks?|csinks?|holes?|bores?)\b(?:\s+(?:to|at|be|is|are))?\s+)"
                      r"([\d./]+\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?)\s*(?:wide|across)\b(?!\s+(?:the\s+)?flats?\b)", r"\1\2 dia", text, flags=re.I)
        # "cut it to 100 long (mm)", "make it 6 (inches)": the unit said in brackets is the number's
        text = re.sub(r"([\d./]+)(\s*(?:long|wide|tall|high|thick|deep|dia\w*|od|id|across)?)\s*\(\s*(?:in\s+)?(mm|cm|inch(?:es)?|"
                      r"in|\")\s*\)", r"\1 \3\2", text, flags=re.I)
        # "too thin, go 5mm", "a bit short - make it 120": the new size of what was said to be wrong
        too = {"thin": "thick", "thick": "thick", "short": "long", "long": "long", "narrow": "wide", "wide": "wide",
               "low": "tall", "tall": "tall", "high": "tall", "shallow": "deep", "deep": "deep"}
        text = re.sub(r"^\s*(?:(?:it'?s|its|it is|that'?s|bit|a bit|a little|way|much|slightly|kinda|rather|far)\s+)*too\s+("
                      + "|".join(too) + r")\b\s*[,;:.!-]*\s*(?:so\s+)?(?:(?:let'?s\s+)?(?:go|make it|try|use|do|change it to|go with|"
                      r"go to)\s+)?([\d./]+\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?)\s*(?:instead|please|pls|then)?\W*$",
                      lambda m: f"make it {m.group(2).strip()} {too[m.group(1).lower()]}", text, flags=re.I)
        # "make it as wide as it is long": that size from the other one
        text = re.sub(r"\b(?:make\s+)?(?:the\s+|its\s+)?(length|width|height|thickness)\s+(?:equal to|the same as|same as|match|as big as)\s+"
                      r"(?:the\s+|its\s+)?(length|width|height|thickness)\b",
                      lambda m: f"make it as {dict(length='long', width='wide', height='tall', thickness='thick')[m.group(1).lower()]} as "
                                f"it is {dict(length='long', width='wide', height='tall', thickness='thick')[m.group(2).lower()]}",
                      text, flags=re.I)
        m_as = re.search(r"\bas (long|wide|tall|high|thick|deep) as (?:it is|it's|its|the)\s*(long|wide|tall|high|thick|length|width|"
                         r"height|thickness)\b", text, re.I)
        if m_as and b["kind"] in ("box", "rounded_rect"):
            role = {"long": "length", "wide": "width", "tall": "height", "high": "height", "thick": "height",
                    "deep": "height", "length": "length", "width": "width", "thickness": "height"}
            src = b.get(role[m_as.group(2).lower()])
            if isinstance(src, (int, float)):
                unit = {"mm": 1.0, "cm": 10.0, "in": 25.4}.get(self.spec.get("units", "mm"), 1.0)
                text = text[:m_as.start()] + f"{fmt(src / unit)} {m_as.group(1)}" + text[m_as.end():]
        # "half a cm taller", "half a millimetre": 0.5 of that unit
        text = re.sub(r"\bhalf an?\s+(cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?)\b", r"0.5 \1", text, flags=re.I)
        # "knock the 4 corners off round, R8": the corners rounded
        text = re.sub(r"\b(?:knock|take|break)\s+(?:the\s+|its\s+|all\s+)?((?:(?:4|four)\s+)?(?:outside\s+|vertical\s+)?corners)\s+off\s*"
                      r",?\s*(?:round(?:ed)?|with a radius|radiused)\b", r"round the \1", text, flags=re.I)
        # "round the 4 corners R5", "all four vertical edges": the count of a box's corners is no size
        if b["kind"] in ("box", "rounded_rect"):
            text = re.sub(r"\b(?:all\s+)?(?:4|four)\s+(?:outside|outer)\s+corners\b", "outside vertical edges", text, flags=re.I)
            text = re.sub(r"\b(?:all\s+)?(?:4|four)\s+((?:(?:vertical|top|bottom|upright|side)\s+)?(?:corners|edges))\b",
                          r"\1", text, flags=re.I)
        if any(f["kind"] == "pocket" for f in self.spec.get("features", [])):
            # "round the 4 inside corners of the pocket R3", "fillet the 4 pocket corners 5mm": how many corners, no size
            text = re.sub(r"\b(?:all\s+)?(?:4|four)\s+((?:inside|inner|internal|pocket|recess)\s+)?(corners)\b", r"\1\2", text,
                          flags=re.I)
        text = re.sub(r"\b(edges?|corners?)\s+of\s+(?:the|this|that|its)\s+(?:whole\s+)?(\w+(?:\s+\w+)?)\b",
                      lambda m: m.group(1) if any(b == m.group(2).lower() for _, _, b, _ in find("bodies", m.group(2).lower()))
                      else m.group(0), text, flags=re.I)        # "chamfer the 4 corners of the plate, 10mm"
        kept = SAME.findall(text)
        if kept:
            # "block 60 mm long, same hole spacing", "8 bolt holes instead of 6, same circle": said to stay as it is
            text = SAME.sub("", text)
        per_unit = {"mm": 1.0, "cm": 10.0, "in": 25.4}.get(self.spec.get("units", "mm"), 1.0)
        have_n = _numbers(self.spec)

        def _stays(m):
            if re.fullmatch(r"holes?|bores?|fillets?|rounds?|chamfers?|bevels?|slots?|pockets?|walls?", m.group(2) or "", re.I):
                return m.group(0)         # ("hole stays 10" while the part is scaled: the feature kept, read below)
            v = float(m.group(3)) * ({"mm": 1.0, "cm": 10.0, "in": 25.4, '"': 25.4}.get((m.group(4) or "").lower(), per_unit))
            if any(math.isclose(v, x, rel_tol=1e-6) for x in have_n):
                kept.append(m.group(0).strip(" ,;:-"))
                return ""
            return m.group(0)
        # "flange 6 thick - the body stays 25": a size said to stay what it is, no change
        text = re.sub(r"\s*(?:[,;:-]|\band\b|\bbut\b|\bwith\b)?\s*(?:and\s+)?(?:(?:the|its)\s+(\w+\s+)?|(?<![\w.]))(\w+)\s+(?:stays?|"
                      r"remains?|is kept|kept|unchanged|still)\s+(?:(?:sticks?|sticking|stands?|standing|protrud\w+|projects?|"
                      r"comes?)\s+(?:up|out)\s+)?(?:at\s+)?(\d+(?:\.\d+)?)\s*(mm|cm|in\b(?!\s+from)|\")?\s*(?:long|wide|thick|tall|high|"
                      r"dia\w*|deep)?\b(?:\s+(?:long|wide|thick|tall|above it|above|out|up|proud))?(?!\s*(?:mm|cm|in\b|\")?\s*(?:in\s+|"
                      r"away\s+)?(?:from|apart|in\b|off\b|each\b))", _stays, text, flags=re.I)
        # "leave the diameter at 30", "keep the plate 12 thick" when it is not that now (after a change the user takes
        # back): the size it should be, asked (a size it has now is kept, below)
        def _keep_at(m: re.Match) -> str:
            word = (m.group("role") or m.group("adj") or "").lower()
            key = "diameter" if word.startswith("dia") or word == "od" else KEEP_AT_SIZE.get(word)
            now = {"thickness": b.get("thickness", b.get("height")),
                   "diameter": b.get("diameter", b.get("outer_diameter"))}.get(key, b.get(key)) if key else None
            v = float(m.group("n")) * ({"mm": 1.0, "cm": 10.0, "in": 25.4, '"': 25.4}.get((m.group("u") or "").lower(), per_unit))
            if not isinstance(now, (int, float)) or math.isclose(v, float(now), rel_tol=1e-6):
                return m.group(0)
            return f", make it {m.group('n')}{m.group('u') or ''} {KEEP_AT_WORD[key]}"
        text = re.sub(r"\s*(?:[,;:-]|\band\b|\bbut\b)?\s*\b(?:keep|keeping|leave|leaving)\s+(?:the\s+|its\s+)?(?:(?P<role>diameter|"
                      r"dia|od|height|length|width|thickness)\s+(?:at\s+|as\s+)?|(?:(?:plate|part|block|disc|disk|bar|body|"
                      r"cylinder|rod|it|thing)\s+)?(?:at\s+)?)(?P<n>\d+(?:\.\d+)?)\s*(?P<u>mm|cm|in\b|\")?\s*(?(role)|(?P<adj>thick|"
                      r"long|wide|tall|high|dia\w*)\b)", _keep_at, text, flags=re.I)
        # "go up to 40 dia, keep the 3 wall": a size said to be kept, as it is
        text = re.sub(r"\s*(?:[,;:-]|\band\b|\bbut\b)?\s*(?:keep|keeping|leave|leaving|same)\s+(?:the\s+|its\s+)?()()(\d+(?:\.\d+)?)\s*"
                      r"(mm|cm|in|\")?\s*(?:mm\s+)?(?:walls?|wall thickness|thick(?:ness)?|floor|bottom|bore|hole|id|od|height|"
                      r"length|width|dia\w*)\b", _stays, text, flags=re.I)
        if self.spec.get("units") == "in":
            # "move that hole 1 in toward ...": on an inch part '1 in' is an inch, not a direction
            text = re.sub(r"\b(\d+(?:\.\d+)?|\.\d+)\s+in\b(?=\s+(?:to(?:wards?)?|left|right|up|down|closer|further)\b)", r"\1 inch",
                          text, flags=re.I)
        near = re.search(r"\btowards? (?:the|its) (?:near(?:est)? |closest |nearer )?(?:end|edge)\b(?! of)", text, re.I)
        placed = [f for f in self.spec.get("features", []) if (f.get("at") or {}).get("kind") == "from_edge"
                  and f["at"].get("edge") in ("left", "right", "lower", "upper")]
        if near and len(placed) == 1:
            # "move it 5 mm towards the end" of a hole 20 in from the left end: towards that end
            way = {"left": "left", "right": "right", "lower": "front", "upper": "back"}[placed[0]["at"]["edge"]]
            text = text[:near.start()] + f"to the {way}" + text[near.end():]
        toward = re.search(r"\btowards? (?:one of the (?:short |long |)(?:ends|edges|sides)|(?:one|an?|either|the (?:nearest|"
                           r"closest)) (?:(?:short|long) )?(?:edge|side|end))\b", text, re.I)
        toward_dir = "right"
        if toward:
            # "move the square hole 15 mm toward one edge": any one; to the right (+X), said (toward a short end of a
            # part longer across Y than along X: to the back)
            L, W = b.get("length"), b.get("width")
            short = re.search(r"\bshort\b", toward.group(0), re.I)
            long_ = re.search(r"\blong\b", toward.group(0), re.I)
            if isinstance(L, (int, float)) and isinstance(W, (int, float)) and ((short and W > L) or (long_ and L > W)):
                toward_dir = "back"
            text = text[:toward.start()] + f"to the {toward_dir}" + text[toward.end():]
        if b["kind"] == "shaft" and isinstance(b.get("sections"), list) and len(b["sections"]) > 1:
            # "on the Ø20 part:" a section by its diameter; "the end of the thin one": the thin end
            text = re.sub(r"\b(on|in|to|of|at)\s+the\s+(?:Ø|dia\.?\s*|diameter\s+)\s*([\d./]+)\s*(?:mm\s*)?(part|section|step|bit|"
                          r"portion|length|end|journal)\b", r"\1 the \2 dia \3", text, flags=re.I)
            # "make the 20 dia 22": the section that is Ø20 made Ø22
            text = re.sub(r"^\s*(?:make\s+|change\s+)?the\s+(?:Ø\s*)?(\d+(?:\.\d+)?)\s*(?:mm\s*)?(?:dia\.?|diameter|Ø)?\s+(?:to\s+|into\s+)?"
                          r"(?:Ø\s*)?(\d+(?:\.\d+)?)\s*(?:mm\s*)?(?:dia\.?|diameter)?\s*(?:please|pls|instead)?\W*$",
                          lambda m: f"make the {m.group(1)} dia section {m.group(2)} dia" if any(
                              math.isclose(float(m.group(1)) * (25.4 if self.spec.get("units") == "in" else 1.0), x["diameter"])
                              for x in b["sections"]) else m.group(0), text, flags=re.I)
            text = re.sub(r"\b(?:the\s+)?end\s+of\s+the\s+(big|bigger|large|larger|fat|thick|small|smaller|thin|narrow)\s+(?:one|section|"
                          r"part|step|bit|portion|diameter)\b", r"the \1 end", text, flags=re.I)
        if b["kind"] == "shaft" and isinstance(b.get("sections"), list) and len(b["sections"]) > 1 and \
                b["sections"][0]["diameter"] != b["sections"][-1]["diameter"]:
            # "a 1mm chamfer on the big end" of a stepped shaft: the outline of that end face (section 1 stands on z = 0)
            big = "bottom" if b["sections"][0]["diameter"] > b["sections"][-1]["diameter"] else "top"
            small = "top" if big == "bottom" else "bottom"
            text = re.sub(r"\b(?:on |at |to )?(?:the |its )?(big|bigger|large|larger|fat|thick|small|smaller|thin|narrow)\s+end\b",
                          lambda m: f"on the {big if m.group(1) in ('big', 'bigger', 'large', 'larger', 'fat', 'thick') else small} "
                          "edges", text, flags=re.I) if re.search(r"chamf|fillet|round|bevel|radius|break|ease", text, re.I) \
                else text
        if b["kind"] == "profile" and b.get("shape") in ("U", "C"):
            # "bump the sides to 50", "sides 50": how tall its sides stand (the channel's height)
            text = re.sub(r"\b(?:(?:bump|take|bring|raise|push|make|set|change|go)\s+(?:up\s+)?)?(?:the\s+|its\s+)?(sides|legs|uprights|"
                          r"side walls|flanges)\s+(?:up\s+)?(?:to\s+|should be\s+|=\s*|at\s+)?([\d./]+(?![\d./])\s*(?:mm|cm|in\b|\")?)"
                          r"(?!\s*(?:mm\s*)?(?:tall|high|long|wide|thick|apart|from|in\b|dia|x\b))",
                          r"make the \1 \2 tall", text, flags=re.I)
            # "an 8 mm hole in each leg, centred on the leg" of a U: through both side walls at mid height (the hole
            # was put through the base)
            text = re.sub(r"\b(?:in|on|through|into)\s+(?:each|every)\s+(?:leg|arm|side wall|upright|side)\b", "in both legs", text,
                          flags=re.I)
            text = re.sub(r",?\s*(?:cent(?:er|re)d|in the middle)\s+(?:on|of|in)\s+(?:the|each|every)\s+(?:leg|arm|side wall|wall)s?\b",
                          "", text, flags=re.I)
        if b["kind"] == "shaft" and isinstance(b.get("sections"), list):
            # "a keyway in the 30 dia part": the section named by its diameter (the 30 is no new diameter)
            text = re.sub(r"\b((?:in|on|along|into|of)\s+the\s+(?:whole\s+)?)([\d./]+)\s*(?:mm\s*)?(?:dia\w*|ø|od)\s+(part|section|step|bit|"
                          r"portion|end|length)\b", r"\1\2 \3", text, flags=re.I)
        if b["kind"] == "polygon_prism":
            # "chamfer both ends" of a hex bar: its top and bottom outlines (not every outside edge)
            text = re.sub(r"\b(?:both|the|each|either)\s+ends?(?:\s+edges?)?\b", "top and bottom edges", text, flags=re.I)
        # "chamfer the ends 1x45": a 1 mm chamfer (45° is the only angle built)
        text = re.sub(r"\b([\d.]+)\s*(?:mm\s*)?[x×]\s*45\s*(?:°|deg(?:rees?)?|º)?(?=\W|$)", r"\1 mm", text, flags=re.I) \
            if re.search(r"chamf|bevel", text, re.I) else text
        if re.search(r"\b(?:edges?|corners)\b", text, re.I) and re.search(r"\bR\s*\d|\bradius\b|\bradiused\b|\brounded\b",
                                                                          text, re.I) and \
                not re.search(r"chamf|fillet|\bround\b|bevel", text, re.I) and not any(
                    f["kind"] == "fillet" for f in self.spec.get("features", [])):
            # "make the top edges R3", "give the corners a 3mm radius": a fillet on them
            text = "round the " + re.sub(r"^\s*(?:(?:ok|now|and|also|then|please)\W+)*(?:(?:make|give|have|put|set)\s+)?"
                                         r"(?:the\s+|all\s+(?:the\s+)?)?", "", text, flags=re.I)
        # "round its corners 10mm": its corners are the part's
        text = re.sub(r"\b(round|fillet|chamfer|bevel|radius|break|ease)\s+(?:its|it's|the part's|the plate's|the block's)\b",
                      r"\1 the", text, flags=re.I)
        # "radius the top edge 2": to radius is to fillet
        text = re.sub(r"\bradius(?=\s+(?:the|all|every|its|both)\b)", "fillet", text, flags=re.I)
        # everyday resize wordings, said the way they are meant:
        text = re.sub(r"(\d)\s*(?:percent|per cent|pct)\b", r"\1%", text, flags=re.I)          # "10 percent": 10%
        adj = {"longer": "long", "wider": "wide", "taller": "tall", "higher": "tall", "thicker": "thick", "deeper": "deep",
               "bigger": "big", "larger": "big"}
        text = re.sub(r"\b(\d*\.?\d+)\s*(?:x|times)\s+(longer|wider|taller|higher|thicker|deeper|bigger|larger)\b",
                      lambda m: f"{m.group(1)} times as {adj[m.group(2).lower()]}", text, flags=re.I)   # "1.5x longer"
        opp = {"long": "shorter", "wide": "narrower", "tall": "shorter", "high": "lower", "thick": "thinner", "deep": "shallower",
               "short": "longer", "narrow": "wider", "thin": "thicker", "shallow": "deeper", "big": "smaller", "small": "bigger"}
        text = re.sub(r"\b(?:it'?s\s+|it is\s+)?too\s+(long|wide|tall|high|thick|deep|short|narrow|thin|shallow|big|small)\s+by\s+"
                      r"(\d*\.?\d+(?:\s*(?:mm|cm|in|\"))?)",
                      lambda m: f"make it {m.group(2)} {opp[m.group(1).lower()]}", text, flags=re.I)   # "too long by 10"
        text = re.sub(r"\binstead of\s+(\d*\.?\d+)\s*(?:mm\s*)?,?\s*(?:make it|go|go with|use|have it|i want)\s+(\d*\.?\d+)",
                      r"the \1 should be \2", text, flags=re.I)                             # "instead of 60 make it 75"
        text = re.sub(r"\b(?:bump|push|take|bring)\s+(?:the\s+|its\s+)?(length|width|height|thickness|diameter)\s+(?:up|down)\s+to\b",
                      r"make the \1", text, flags=re.I)                                       # "bump the height up to 30"
        text = re.sub(r"\b(?:trim|cut|take|shave|chop)\s+(\d*\.?\d+)\s*(mm|cm|in|\")?\s+off\s+(?:each|both)\s+ends?\b",
                      lambda m: f"make it {fmt(2 * float(m.group(1)))}{(' ' + m.group(2)) if m.group(2) else ''} shorter",
                      text, flags=re.I)                                                        # "trim 5 off each end"
        # "chamfer the bore 1", "deburr the holes 0.5", "fillet the od 1": the number is the edge treatment's, said
        # before it (after 'bore' or 'od' it would read as that diameter: a 1 mm bore, marked done); the outside of a
        # round part is its outside edges; a block's outside ("chamfer the outside 1") its outside edges, its outside
        # corners its vertical edges (an OD of a block is no edge set)
        round_body = b["kind"] in ("tube", "cylinder", "shaft", "cone")

        def _edge_size_first(m: re.Match) -> str:
            out = (m.group("out") or "").lower()
            where = m.group("rims") or ("outside edges" if round_body or not re.search(r"corners?\s*$", m.group(0).split(
                m.group("n"))[0].strip(), re.I) else "vertical edges")
            if out and not round_body and out not in ("outside", "outer"):
                return m.group(0)
            return f"{m.group('n')} {m.group('verb')} on the {where}"
        text = EDGE_SIZE_AFTER.sub(_edge_size_first, text)
        brk = BREAK_EDGES.search(text)
        if brk and re.search(r"\b(?:chamfer|bevel|fillet|round|radius)", text[brk.end():] + text[:brk.start()], re.I):
            # "also break the top edges, 3mm chamfer": the edges broken are where the chamfer goes
            rest = (text[:brk.start()] + text[brk.end():]).strip(" ,;:-")
            text = f"{rest} on the {brk.group(1) or ''}{brk.group(2)}"
        feats_now = self.spec.get("features", [])
        if not any(f["kind"] == "slot" for f in feats_now) and any(
                f["kind"] == "pocket" and str(f.get("id", "")).startswith("slot") for f in feats_now) and not re.search(
                r"\b(?:add|another|new|second|more|extra)\b", text, re.I):
            # the slot the reader made as a rectangular cut (across a face): 'the slot' is that pocket
            text = re.sub(r"\bslot(s?)\b", r"pocket\1", text, flags=re.I)
        if any(f["kind"] == "pocket" and f.get("shape", "rect") == "rect" for f in feats_now):
            # "the window", "the square hole", "the cutout": the rectangular cut-out the part has
            text = re.sub(r"\b(?:(?:square|rectangular|rect)\s+(?:hole|cut-?out|opening)|window|cut-?out)(s?)\b",
                          r"pocket\1", text, flags=re.I)
            if not any(f["kind"] == "hole" for f in feats_now):
                text = re.sub(r"\bopening(s?)\b", r"pocket\1", text, flags=re.I)     # "make the opening 140 x 90"
        if feats_now and not any(f["kind"] == "hole" for f in feats_now):
            # "make that one 25": the feature made last, by its kind
            text = re.sub(r"\b(that|this|the) one\b", rf"\1 {feats_now[-1]['kind']}", text, flags=re.I)
        elif feats_now:
            text = re.sub(r"\b(that|this) one\b", r"\1 hole", text, flags=re.I)
        if re.search(r"\bfrom the end\b", text, re.I) and b["kind"] in ("box", "rounded_rect", "profile") and feats_now:
            # "move the first one to 15 from the end": the end they all sit nearer (said); off the middle both ways it is asked
            sides = {_side_of(self.spec, f) for f in feats_now if f["kind"] in ("hole", "slot", "pocket", "boss")}
            if len(sides) == 1 and None not in sides:
                end = sides.pop()
                text = re.sub(r"\bfrom the end\b", f"from the {end} end", text, flags=re.I)
                self.end_note = f"'the end' read as the {end} end (every feature sits nearer it)"
        lead = re.match(r"^\s*(?:(?:ok|now|and|also|then|so|please)\W+)*(?:the\s+)?([a-z]+)\s+(?:to|at|=|->|→|should be|becomes)?\s*"
                        r"(?=[\d.])", text, flags=re.I)
        if lead and any(name == b["kind"] for _, _, _, name in find("bodies", lead.group(1).lower())) or (
                lead and lead.group(1).lower() in f"{b.get('id', '')} {b.get('name', '')}".lower().replace("_", " ").split()):
            # "cube to 60", "plate 8": the part, that size ('make the cube 60')
            text = text[:lead.start(1)] + "make the " + lead.group(1) + " " + text[lead.end():]
        # "make it longer to 90", "thicker, to 8": the new size (the comparative says only which way)
        text = re.sub(r"\b(longer|shorter|wider|narrower|taller|shorter|higher|lower|thicker|thinner)\s*,?\s*(?:to|at)\s+"
                      r"(\d*\.?\d+(?:\s*(?:mm|cm|in\b|inch(?:es)?|\"))?)",
                      lambda m: m.group(2) + " " + {"longer": "long", "shorter": "long", "wider": "wide", "narrower": "wide",
                                                    "taller": "tall", "higher": "tall", "lower": "tall", "thicker": "thick",
                                                    "thinner": "thick"}[m.group(1).lower()], text, flags=re.I)
        # "sorry, not all the way through - 30 deep": the hole (the one kind there is) blind, that deep
        cut = {f["kind"] for f in self.spec.get("features", []) if f["kind"] in ("hole", "slot", "pocket")}
        if len(cut) == 1:
            text = re.sub(r"\b(?:it\s+(?:should(?:n'?t| not)\s+go|doesn'?t\s+go|does not go)|not|shouldn'?t go|should not go)\s+"
                          r"(?:go\s+)?(?:all\s+the\s+way\s+)?(?:through|thru)\b\s*(?:[-,;:]|but|just|only)*\s*"
                          r"(?=\d*\.?\d+\s*(?:mm\s*)?deep\b)", f"make the {next(iter(cut))} blind, ", text, flags=re.I)
        # "4 holes round it": around it, not a rounding
        text = re.sub(r"\b(holes?\b[^,.;]*?)\bround (it|them|that|the)\b", r"\1around \2", text, flags=re.I)
        # "make the hole 3 deep instead of through": blind, that deep (the 'through' is what it was)
        text = re.sub(r"(\d\s*(?:mm\s*)?deep)\s*,?\s*(?:instead of|rather than)\s+(?:going\s+)?(?:all the way\s+)?(?:through|thru)\b",
                      r"\1", text, flags=re.I)
        # "double the hole size", "halve the holes": the holes' diameter scaled
        text = re.sub(r"\b(double|triple|halve)\s+(?:the\s+)?(holes?|bores?)(?:'s?)?\s+(?:size|sizes|diameters?|dia)\b",
                      lambda m: f"{m.group(2)} {dict(double='twice', triple='three times', halve='half')[m.group(1).lower()]} as big",
                      text, flags=re.I)
        # "break the sharp edges 0.5", "deburr all sharp corners": the sharp edges treated, none made sharp
        text = re.sub(r"\b(break|ease|soften|deburr|knock off|take off|round off|round|chamfer|fillet)\s+((?:the\s+|all\s+"
                      r"(?:the\s+)?|its\s+)?)sharp\s+(edges?|corners?)\b", r"\1 \2\3", text, flags=re.I)
        # "bigger radius please, 6", "a larger chamfer, 2 mm": the new size of that feature
        text = re.sub(r"\b(?:bigger|larger|smaller|tighter)\s+(radius|fillets?|chamfers?|rounds?)\b(?:\s+please)?\s*,?\s*"
                      r"(?:of\s+|to\s+|say\s+|like\s+)?(?=\d*\.?\d)", r"\1 ", text, flags=re.I)
        # "make them Ø12 clearance holes", "12 mm clearance holes": holes of that size (not twelve of them)
        text = re.sub(r"(?:[øØ⌀]|\bdia\.?)\s*(\d*\.?\d+)(\s*mm)?\s+(?:clearance|drilled|clear)\s+(holes?)\b", r"\3 \1\2 dia",
                      text, flags=re.I)
        text = re.sub(r"\b(\d*\.?\d+)\s*mm\s+(?:clearance|drilled|clear)\s+(holes?)\b", r"\2 \1 mm dia", text, flags=re.I)
        self.t = normalize(text)
        # "1 and a half inches", "2 and a quarter": the fraction added (number words are digits by now)
        self.t = re.sub(r"\b(\d+) and (?:a|one) (half|quarter)\b", lambda m: fmt(int(m.group(1)) + {"half": .5, "quarter": .25}[
            m.group(2)]), self.t)
        n_holes = _hole_count(self.spec)
        # "open the remaining four up to Ø10", "the other 2": those holes (a count said of the holes there)
        if any(f["kind"] == "hole" for f in self.spec.get("features", [])):
            self.t = re.sub(r"\b(?:the\s+)?(remaining|other|rest of the|last)\s+(\d+)\b(?=\s*(?:$|[,.;:!]|up\b|down\b|to\b|bigger|"
                            r"smaller|larger|wider|at\b|are\b|should\b|need|get\b|go\b|dia\b|ø))",
                            r"the \1 \2 holes", self.t)
            self.t = re.sub(r"\bthe (?:remaining|rest of the) (\d+) holes\b", r"the \1 holes", self.t)
            # "make the outer two Ø16": those holes
            if not REMOVE.search(self.t):      # ("remove the outer two holes": the row made two shorter)
                self.t = re.sub(r"\b(outer|outside|inner)\s+2(?:\s+(?:holes|ones))?\b(?!\s*(?:mm|cm|in\b|\"|x\b|holes?|bores?))",
                                r"\1 holes", self.t)
        # "a 6 hole bolt circle", "6-hole PCD": six holes on it (not Ø6)
        self.t = re.sub(r"\b(\d+)\s*-?\s*holes?\s+(?=(?:bolt\s+circle|pcd|b\.?c\.?d\.?|pitch circle|circle)\b)",
                        r"\1 holes on a ", self.t)
        self.t = re.sub(r"\b(\d+) holes on a (?:bolt\s+circle|pitch circle|circle)\s*,?\s*(?:on\s+)?(?:an?\s+)?(\d*\.?\d+)\s*(?:mm\s*)?"
                        r"(pcd|bcd|b\.c\.d\.?|bolt circle|pitch circle)\b", r"\1 holes on a \2 \3", self.t)
        # "change the 4 corner holes to ...": the holes there (all of them, or one pattern's), not a count
        counts = {n_holes, *(_count(f.get("at") or {"kind": "center"}) or len((f.get("at") or {}).get("points") or [0])
                             for f in self.spec.get("features", []) if f["kind"] == "hole")}
        self.t = re.sub(r"\bthe\s+(\d+)\s+((?:corner|outer|existing|mounting|bolt|fixing|screw)\s+)?(holes|bores)\b",
                        lambda m: f"the {m.group(2) or ''}{m.group(3)}" if int(m.group(1)) in counts else m.group(0), self.t)
        # "make all three holes 12": the holes there are (all of them), not a count
        self.t = re.sub(r"\b(all|each of the|every one of the|both of the)\s+(\d+)\s+(holes|bores)\b",
                        lambda m: f"all the {m.group(3)}" if int(m.group(2)) == n_holes else m.group(0), self.t)
        # "make all three blind, 8 deep": the holes there are (not 3 deep)
        self.t = re.sub(r"\b(?:all|all of the|each of the|every one of the)\s+(\d+)\b(?![\d.])(?!\s*(?:mm|cm|in\b|inch|\"|x\b|deep|"
                        r"dia\w*|long|wide|tall|high|thick|holes?|bores?|apart|from|in from|radius|r\b))",
                        lambda m: "all the holes" if int(m.group(1)) == n_holes and n_holes > 1 else m.group(0), self.t)
        u = UNITS.get(self.spec.get("units", "mm"))
        self.k = unit_mm(u) if u else 1.0
        self.tagging = tag(self.t)
        self.size_sel: float | None = None
        sel = re.search(r"\b(?:the|those|these|that|all the)\s+([\d.]+)\s*(?:mm\s*)?(?:dia\w*\s+)?(?:holes?|bores?)\b", self.t)
        if sel:
            it = next((i for i in self.tagging.items if i.num.start == sel.start(1)), None)
            sizes = {f.get("size") for f in self.spec.get("features", []) if f["kind"] == "hole"}
            if it is not None and any(isinstance(z, (int, float)) and math.isclose(z, self.num_mm(it)) for z in sizes):
                self.size_sel = self.num_mm(it)      # "make the 6 mm holes 8": the holes that are 6 mm, picked by size
        for it in self.tagging.items:
            if it.role == "height" and re.search(r"\b(?:up|down)\s+to\s*$|\b(?:go|bump|open|take|bring|step)\w*\s+"
                                                 r"(?:\w+\s+){0,3}up\s*$", self.t[:it.num.start]):
                it.role = None        # "bump them up to 8 mm": the new size, not a height
        self.used: set[int] = set()          # numbers consumed (by start offset)
        if self.size_sel is not None:
            self.used.add(sel.start(1))
        self.only: str | None = None         # the one feature this edit is about (a copy split off a pattern)
        self.kept_said = [k.strip(" ,;") for k in kept]      # "upright stays 5": said to stay (taken out of self.t)
        self.out = EditResult(None, notes=list(fixed) + [f"kept as it is: '{k.strip(' ,;')}'" for k in kept]
                              + ([self.end_note] if getattr(self, "end_note", None) else [])
                              + ([self.flip_note] if getattr(self, "flip_note", None) else []) + self.pre_notes
                              + ([f"'{toward.group(0)}' read as to the {toward_dir} ({'+X' if toward_dir == 'right' else '+Y'})"]
                                 if toward else []))

    # -- helpers -----------------------------------------------------------------------------
    def num_mm(self, it) -> float:
        n = it.num
        if not n.unit and getattr(it, "group", None) is not None and it.group < len(self.tagging.groups):
            # "make it 12 x 12 cm": the unit said once, after the last size of the group, is every one's
            last = self.tagging.groups[it.group][-1].num
            if last.unit and all(not g.num.unit or g.num.unit == last.unit for g in self.tagging.groups[it.group]):
                return n.value * unit_mm(last.unit)
        if not n.unit and self.k == 1.0 and is_inch_fraction(n):
            return n.value * 25.4         # "and 1/8 thick" beside metric sizes: a bare fraction is inches
        return n.value * (unit_mm(n.unit) if n.unit else self.k)

    def free(self, roles=None):
        return [it for it in self.tagging.items if it.num.start not in self.used and (roles is None or it.role in roles)]

    def take(self, it) -> float:
        self.used.add(it.num.start)
        return self.num_mm(it)

    def apply(self, what: str, fn, *args) -> bool:
        try:
            self.spec = _plain(fn(self.spec, *args))
            self.out.done.append(what)
            return True
        except (SpecError, ops.OpError, KeyError, ValueError) as exc:
            self.out.failed.append(f"{what}: {_first_line(exc)}")
            return False

    def second_row(self) -> bool:
        """'add a second identical row 20 in from the other long edge': the one row of holes set off the centre line,
        mirrored across it (a grid of two rows); True when it answered."""
        m = re.search(r"\b(?:add|put|make|give it|drill)\s+(?:a|an|one)?\s*(?:second|another|matching|mirrored|2nd)\s+"
                      r"(?:identical\s+|matching\s+|same\s+)?row\b(?:[^.;]*?\b(?:other|opposite)\s+(?:long\s+)?(?:edge|side)\b)",
                      self.said)
        rows = [f for f in self.feats("hole") if (f.get("at") or {}).get("kind") == "linear"]
        if not m or len(rows) != 1 or rows[0]["at"].get("axis", "u") != "u" or len(self.feats("hole")) != 1:
            return False
        f, at = rows[0], rows[0]["at"]
        cu, cv = (at.get("center") or [0.0, 0.0])[:2]
        if abs(cv) < 1e-9 or not isinstance(at.get("spacing"), (int, float)):
            return False
        inset = next((it for it in self.free() if abs(self.num_mm(it) - (self.spec["body"]["width"] / 2 - abs(cv))) < 1e-6),
                     None)
        if inset is not None:
            self.used.add(inset.num.start)      # "20 in from the other long edge": as far in as the first row
        elif self.free():
            self.out.failed.append("a second row mirrored across the part sits as far in as the first; say another "
                                   "place as a move")
            return True
        g = {k: v for k, v in f.items() if k != "id"}
        g["at"] = {"kind": "grid", "counts": [at["count"], 2], "spacing": [at["spacing"], round(2 * abs(cv), 6)],
                   "center": [cu, 0.0]}
        self.apply(f"{f['id']}: a second row {fmt(2 * abs(cv))} from the first, across the centre line", ops.replace_feature,
                   f["id"], g)
        return True

    def new_floor(self, sh: dict, g: dict, what: str) -> None:
        """The open shell ``sh`` made ``g`` (a new floor); where the walls are said to keep their height above the
        floor ("thicker floor, 10 mm, walls still 40 above it"), the part grows by what the floor grew."""
        body = self.spec["body"]
        old, new = sh.get("bottom", sh["thickness"]), g.get("bottom", g["thickness"])
        if not (WALLS_KEPT.search(self.said) and sh.get("open_face") == "top" and body["kind"] in ("box", "cylinder")
                and abs(new - old) > 1e-9):
            self.apply(what, ops.replace_feature, sh["id"], g)
            return
        above, h = body["height"] - old, body["height"] + new - old
        self.used.update(it.num.start for it in self.free() if abs(self.num_mm(it) - above) < 1e-6)
        self.apply(f"{what}; the walls kept {fmt(above)} above it (height {fmt(h)})",
                   lambda spec: ops.set_parameter(ops.replace_feature(spec, sh["id"], g), f"{body['id']}.height", h))

    def feats(self, kind: str) -> list[dict]:
        kinds = {"hole": ("hole",), "bore": ("hole",), "fillet": ("fillet",), "chamfer": ("chamfer",),
                 "shell": ("shell",), "boss": ("boss",), "keyway": ("keyway",), "flat": ("flat",), "slot": ("slot",),
                 "pocket": ("pocket", "hole"), "cbore": ("hole",), "csink": ("hole",), "dhole": ("pocket",),
                 "vgroove": ("pocket", "v_groove")}.get(kind, (kind,))
        out = [f for f in self.spec.get("features", []) if f["kind"] in kinds]
        if kind == "dhole":
            out = [f for f in out if f.get("shape") in ("d", "double_d")]
        if kind == "vgroove" or kind == "groove" and not out:
            # ("make the groove 10 wide" on a part whose one groove is a V: that one)
            out = [f for f in self.spec.get("features", []) if f["kind"] == "v_groove" or
                   f["kind"] == "pocket" and f.get("shape") == "v"]
        if kind in ("slot", "pocket") and not out:
            # "widen the slot", "make the window 60 long" on a tube: the slot through its wall, or the saw cut across it
            out = [f for f in self.spec.get("features", []) if f["kind"] == "wall_slot" or
                   f["kind"] == "flat" and str(f.get("id", "")).startswith("saw_cut")]
        if kind in ("cbore", "csink"):
            out = [f for f in out if kind in f] or out      # "the counterbores": the counterbored holes, when some are
        if self.only and any(f["id"] == self.only for f in out):
            out = [f for f in out if f["id"] == self.only]     # one copy of a pattern, split off for this edit
        body = self.spec["body"]
        own_bore = body["kind"] == "tube" or isinstance(body.get("bore"), (int, float))
        if kind == "bore":
            # "bore to 35": the centre hole; on a tube (or a bored nut) with none, its own bore, not the bolt holes
            out = [f for f in out if f.get("at", {"kind": "center"}).get("kind") == "center"] or ([] if own_bore else out)
        if kind == "pocket":
            out = [f for f in out if f["kind"] == "pocket"] or out     # "pocket 10 deep": the pocket, not a hole
        return out

    def select(self, k: str, found: list[dict]) -> list[dict]:
        """Which of several features the words point at: 'the big hole', 'the middle hole', 'the corner
        holes', 'the 6 mm holes', or 'the hole' (singular) where exactly one single hole is there."""
        if self.size_sel is not None and k in ("hole", "bore"):
            by_size = [f for f in found if isinstance(f.get("size"), (int, float)) and math.isclose(f["size"], self.size_sel)]
            if by_size:
                return by_size
        if len(found) >= 2 and k in ("fillet", "chamfer"):
            # "change the corner radius to 20" beside 4 mm fillets on the top edges: the one on the corners
            words = {"vertical": r"\b(?:corners?|vertical|upright|side edges)\b", "top": r"\btop\b", "bottom": r"\b(?:bottom|base)\b",
                     "long": r"\blong (?:edges?|corners?|sides?)\b"}
            said = re.sub(r"\b(?:keep|keeping|leave|leaving|but not|not)\b[^,.;]*", " ", self.t)   # ("keep the 4 mm on top")
            named = [e for e, w in words.items() if re.search(w, said)]
            picked = [f for f in found if f.get("edges") in named]
            if len(named) == 1 and picked:
                return picked
        if len(found) < 2 or k not in ("hole", "bore"):
            return found
        b0 = self.spec["body"]
        leg = re.search(r"\b(?:in|on|of|through|from)\s+(?:the\s+)?(upright|vertical|standing|upper|base|bottom|horizontal|flat|"
                        r"lower)(?:\s+(?:leg|arm|flange|side))?\b", self.t) if b0["kind"] == "profile" and b0.get("shape") == "L" \
            else None
        if leg:
            # "remove the hole in the upright": the holes through that leg of an L (upright: its left face; base: front)
            face = "left" if leg.group(1) in ("upright", "vertical", "standing", "upper") else "front"
            on_leg = [f for f in found if f.get("on", "top") == face]
            if on_leg:
                return on_leg
        face_word = re.search(r"\b(side|top|bottom)\s+(?:\w+\s+)?(?:holes?|bores?)\b", self.t)
        if face_word:
            # "those side ones 10 instead": the holes on the sides (of a U: through its side walls), not the rest
            b = self.spec["body"]
            faces = {"top": ("top",), "bottom": ("bottom",)}.get(face_word.group(1)) or (
                ("left", "right") if b["kind"] == "profile" else ("left", "right", "front", "back"))
            on_face = [f for f in found if isinstance(f.get("on", "top"), str) and f.get("on", "top") in faces]
            if on_face and len(on_face) < len(found):
                return on_face
        side = re.search(r"\b(left|right|front|back|rear)(?:-?most)?\s+(?:\w+\s+)?(?:holes?|bores?|one)\b(?!s)", self.t)
        if side:
            # "open the left hole up to 20" beside a hole at the other end: the one furthest that way on the face
            from ..part.plan import resolve_dict
            try:
                at = {r.feature.id: (r.frame.name, r.points[0]) for r in resolve_dict(self.spec)
                      if r.frame is not None and len(r.points) == 1}
            except ValueError:
                at = {}
            if all(f["id"] in at for f in found) and len({at[f["id"]][0] for f in found}) == 1:
                k = 0 if side.group(1) in ("left", "right") else 1
                sign = -1 if side.group(1) in ("left", "front") else 1
                ranked = sorted(found, key=lambda f: -sign * at[f["id"]][1][k])
                if abs(at[ranked[0]["id"]][1][k] - at[ranked[1]["id"]][1][k]) > 1e-6:
                    return [ranked[0]]
        single = [f for f in found if (f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT]
        nth = re.search(r"\b(first|second|third|last)\s+(?:hole|bore)\b(?!s)", self.t)
        if nth and len(single) == len(found) and all(len((f.get("at") or {}).get("points") or [0]) == 1 for f in found):
            # "move the first one", "the second hole" of single holes: in the order they were made
            i = {"first": 0, "second": 1, "third": 2, "last": -1}[nth.group(1)]
            # (a copy split off a pattern by its place in it, '..._first', keeps that place; the rest fill the others)
            order = {f["id"]: {"first": 0, "second": 1, "third": 2}[f["id"].rsplit("_", 1)[1]] for f in found
                     if f["id"].rsplit("_", 1)[-1] in ("first", "second", "third")}
            free_slots = iter(j for j in range(len(found)) if j not in order.values())
            ranked = sorted(found, key=lambda f: order[f["id"]] if f["id"] in order else next(free_slots))
            return [ranked[i]] if -len(ranked) <= i < len(ranked) else []
        # by their diameters ('M5 clearance' read from its table): "the small holes" are the M5 ones beside a Ø30
        sized = [{**f, "size": _size_mm(f)} for f in found if _size_mm(f) is not None]
        by_id = {f["id"]: f for f in found}
        m = re.search(r"\b(big|bigger|large|larger|biggest|largest|main|small|smaller|smallest|little|tiny|middle|"
                      r"center|centre|central|centred|centered|corner|mounting|bolt|screw|outer|pattern)\s+(?:\w+\s+)?"
                      r"(?:holes?|bores?)\b", self.t)
        word = m.group(1) if m else None
        if word in ("big", "bigger", "large", "larger", "biggest", "largest", "main") and sized:
            return [by_id[max(sized, key=lambda f: f["size"])["id"]]]
        if word in ("small", "smaller", "smallest", "little", "tiny") and sized:
            least = min(f["size"] for f in sized)
            return [by_id[f["id"]] for f in sized if f["size"] == least]
        if word in ("middle", "center", "centre", "central", "centred", "centered"):
            mid = [f for f in found if (f.get("at") or {"kind": "center"})["kind"] == "center"]
            body = self.spec["body"]
            if not mid and (body["kind"] == "tube" or isinstance(body.get("bore"), (int, float))):
                return []        # the centre hole of a tube is its bore
            return mid or found
        if word in ("corner", "mounting", "bolt", "screw", "outer", "pattern"):
            return [f for f in found if f not in single] or found
        if re.search(r"\b(?:the|that|this) (?:\w+ )?(?:hole|bore)\b(?!s)", self.t) and not re.search(
                r"\b(?:holes|them|those|these|all)\b", self.t) and len(single) == 1:
            return single
        if re.search(r"\b(?:them|those|these|em|holes)\b", self.t) and not re.search(r"\b(?:all|every|both|each)\b",
                                                                                   self.t) \
                and single and len(single) < len(found):
            # "shrink them", "holes M8": the pattern, not the lone (centre) hole
            return [f for f in found if f not in single]
        return found

    # -- the edit ------------------------------------------------------------------------------
    def run(self) -> EditResult:
        walled = [f for f in self.feats("boss") if f.get("wall")]
        if walled and not self.feats("shell") and re.search(r"\bwalls?\b", self.t) and len(self.free()) == 1 and \
                not ADD_VERB.search(self.t):
            # "make the lip walls 3 thick", "rim wall 1 mm thinner": the wall of the rim (the part itself is solid)
            f, it = walled[-1], self.free()[0]
            v = self.take(it)
            how = re.search(r"\b(thicker|thinner)\b", self.t)
            new = f["wall"] + (v if how.group(1) == "thicker" else -v) if how else v
            self.apply(f"{f['id']} wall {fmt(f['wall'])} → {fmt(new)}", ops.set_parameter, f"{f['id']}.wall", new)
            return self.finish()
        if self.copy is not None:
            copy_feature(self, self.copy)
            return self.finish()
        if self.pattern_copy is not None:
            copy_from_pattern(self, self.pattern_copy)
            return self.finish()
        if AXIAL_OTHER_END.search(self.t) and self.axial_other_end():
            return self.finish()
        if BETWEEN.search(self.t) and self.between_two():
            return self.finish()
        pockets = [f for f in self.spec.get("features", []) if f["kind"] == "pocket"]
        if len(pockets) == 1 and re.search(r"\bpocket\b", self.t) and re.search(r"\b(?:round|circular|a circle|cylindrical|"
                                                                               r"square|rectangular)\b(?!\s+(?:the|its|off|over|all|"
                                                                               r"them|it|those|out)\b)", self.t) and not re.search(
                r"\b(?:corners?|edges?|ends?|fillets?|radius|radiused)\b|\br\s*\d", self.t):
            # ("round the pocket corners 5", "square corners": its corners, below)
            self.pocket_shape(pockets[0])
            return self.finish()
        one = ONLY_ONE.search(self.t)
        if one and all(one.start() <= it.num.start < one.end() for it in self.free()) and self.only_one_hole():
            self.used.update(it.num.start for it in self.free())
            return self.finish()
        hub = THROUGH_HUB.search(self.t)
        if hub and not self.free():
            bosses = [i for i, f in enumerate(self.spec.get("features", [])) if f["kind"] == "boss"]
            bores = [i for i, f in enumerate(self.spec.get("features", [])) if f["kind"] == "hole"
                     and (f.get("at") or {"kind": "center"})["kind"] == "center" and isinstance(f.get("on"), dict)]
            if bosses and bores and bores[-1] > bosses[-1]:
                # "the center hole go through hub also", said after the hub was added with the bore carried through it
                self.out.done.append(f"{self.spec['features'][bores[-1]]['id']} is already through the "
                                     f"{self.spec['features'][bosses[-1]]['id']}")
                return self.finish()
        if self.bare_size() or self.second_row():
            return self.finish()
        # "holes still 3 cm in from the ends", "keep the cross holes 15 from the ends": after the part's change, the
        # features are set that far from its ends again (a row spread, corners set in), not left where they were
        self.stays = []
        for m in STAY_FROM.finditer(self.t):
            it = next((i for i in self.tagging.items if i.num.start == m.start("d")), None)
            if it is not None and self.feats(FEATURE_KIND.get((m.group("what") or m.group("what2")).rstrip("s"), "hole")):
                self.used.add(it.num.start)
                self.stays.append((m, self.num_mm(it)))
        self.stay_spans = [(m.start(), m.end()) for m, _ in self.stays]
        self.stays = [(m.group("what") or m.group("what2"), d, m.group("ref")) for m, d in self.stays]
        # "same wall", "keep the holes", "pocket unchanged", "counterbores stay 8 deep": said, not changed
        nouns = [(s, p, name) for s, e, p, name in find("features", self.t)
                 if not re.search(r"\b(?:same|keep|keeping|leave|leaving)\s+(?:the\s+|its\s+|all\s+)?$", self.t[:s])
                 and not re.match(r"\s*(?:unchanged|stays?\b|still\b|remains?\b|the same|as (?:is|before)|untouched|as they are)",
                                  self.t[e:]) and not any(a <= s < b for a, b in self.stay_spans)]
        self.kept_spans = []
        # ("shell it leaving 3mm walls": the walls it leaves are the size asked, not one kept)
        for m in re.finditer(r"\b(?:keep|keeping|leave|leaving)\b(?!\s+(?:only\s+|just\s+|about\s+)?[\d./]+\s*(?:mm|cm|in|\")?\s*"
                             r"(?:of\s+)?(?:walls?|wall thickness|thick|material|floor|bottom|base|all\s+round)\b)"
                             r".*?(?=\bbut\b|\band\b|\bthen\b|\bso\b|[,;.:]|$)|"
                             r"\b(?:instead of|rather than|not|from)\s+(?:the\s+)?[\d./]+(?![\d./])(?:\s*(?:mm|cm|in|\"))?(?!\s*(?:x|by)\b)"
                             r"(?!\s*(?:mm|cm|in|\")?\s*(?:thick\s+|thk\s+)?(?:plate|sheet|stock|material|steel|alu\w*|acrylic|ply\w*|mdf|flat bar)\b)",
                             self.t):
            self.kept_spans.append((m.start(), m.end()))
            for it in self.tagging.items:      # "keep it 40 long overall": a size said to stay, not asked
                if m.start() <= it.num.start < m.end():
                    self.used.add(it.num.start)
        self.kept_spans += self.stay_spans
        for s_, e_, p_, name in find("features", self.t):
            if (s_, p_, name) not in nouns:
                keep = re.match(r"\s*(?:stays?|unchanged)[^,;]*", self.t[e_:])
                for it in self.tagging.items:       # "counterbores stay 8 deep": its numbers are not asks
                    if keep and e_ <= it.num.start < e_ + keep.end():
                        self.used.add(it.num.start)
        kinds = [n for _, _, n in nouns]
        if self.stays and not self.free() and not ADD_VERB.search(self.t) and not REMOVE.search(self.t) and \
                set(kinds) <= {"hole"}:
            # "spread them out so the end ones are 15 from the ends": the placement alone
            self.keep_from_ends()
            self.stays = []
            return self.finish()
        ms0 = M_SIZE.search(self.t)
        gb = self.given["body"]
        if ms0 and not self.free() and not self.spec.get("features"):
            if gb.get("standard") and not ADD_VERB.search(self.t):
                # "M12 instead" on an M10 washer (or nut): the same standard, that size
                data = copy.deepcopy(self.given)
                data["body"] = {k: v for k, v in gb.items() if k in ("kind", "id", "standard")} | {"size": f"M{ms0.group(1)}"}
                self.apply(f"{gb['standard']} {gb.get('size')} → M{ms0.group(1)}", lambda s_, d=data: ops.parse(d))
                return self.finish()
            if gb["kind"] == "tube" and (re.search(r"\b(?:inside|inner|id|bore|hole|through|fit|fits)\b", self.t) or
                                         SCREW_SWITCH.search(self.t)):
                # "make it M8 clearance inside": a spacer's bore for that screw (ISO 273), or its tap drill
                size = f"M{ms0.group(1)}"
                tapped = re.search(r"\btap|\bthread", self.t)
                try:
                    d = tables.tap_drill(size) if tapped else tables.clearance(size)
                except KeyError as exc:
                    self.out.failed.append(_first_line(exc))
                    return self.finish()
                self.out.notes.append(f"{size} {'tap drill' if tapped else 'clearance (normal, ISO 273)'}: Ø{fmt(d)}")
                self.change("inner", "set", d)
                return self.finish()
        into_tube = re.search(r"\b(?:make|turn|change|convert)\s+it\s+(?:into\s+)?(?:a\s+)?(?:hollow\s+)?(tube|pipe|sleeve|ring|"
                              r"bushing|bush|spacer)\b|\bhollow (?:tube|pipe)\b|\bhollow\b.*\bopen\s+(?:at\s+|on\s+)?(?:both|each|"
                              r"either|the two)\s+ends\b|\bopen\s+(?:at\s+)?(?:both|each)\s+ends\b.*\bhollow\b", self.t)
        if into_tube and self.spec["body"]["kind"] == "cylinder" and not self.spec.get("features"):
            # "make it a tube with a 2 mm wall": a bore through, the outside kept
            b_ = self.spec["body"]
            wall = next((it for it in self.free() if it.role in ("wall", "thickness") or re.match(r"\s*(?:mm\s*)?walls?\b",
                                                                                             self.t[it.num.end:])), None)
            inner = next((it for it in self.free() if it.role == "inner" or re.match(
                r"\s*(?:mm\s*)?(?:dia\w*\s+)?(?:id|bore|inside)\b", self.t[it.num.end:])), None)   # ("a 30 dia bore")
            if (wall is None) == (inner is None):
                self.out.failed.append("say the tube's wall or its bore (e.g. 'make it a tube with a 2 mm wall')")
                return self.finish()
            d = b_["diameter"] - 2 * self.take(wall) if wall is not None else self.take(inner)
            data = copy.deepcopy(self.spec)
            data["body"] = {k: v for k, v in b_.items() if k not in ("kind", "diameter")} | {
                "kind": "tube", "outer_diameter": b_["diameter"], "inner_diameter": d}
            self.apply(f"made a tube: Ø{fmt(b_['diameter'])} outside, Ø{fmt(d)} bore", lambda s_, d_=data: ops.parse(d_))
            return self.finish()
        if self.spec["body"]["kind"] == "tube" and not self.free() and SOLID.search(self.t):
            # "make it solid", "fill in the hole": the tube's bore filled, the outside kept
            b_ = self.spec["body"]
            data = copy.deepcopy(self.spec)
            data["body"] = {k: v for k, v in b_.items() if k not in ("kind", "outer_diameter", "inner_diameter", "thickness")} | {
                "kind": "cylinder", "diameter": b_["outer_diameter"]}
            self.apply(f"made solid: Ø{fmt(b_['outer_diameter'])}, the bore Ø{fmt(b_['inner_diameter'])} filled",
                       lambda s_, d=data: ops.parse(d))
            return self.finish()
        shells = [f for f in self.spec.get("features", []) if f["kind"] == "shell"]
        if shells and not self.free() and re.search(r"\b(?:make|turn)\s+(?:it|the \w+)\s+(?:back\s+)?(?:into\s+)?(?:an?\s+)?solid\b|"
                                                   r"\bun-?shell\b|\b(?:not|no longer|no more)\s+hollow\b|\bfill\s+(?:it|the (?:inside|"
                                                   r"box|cavity))\s*(?:in|up)?\b|\bsolid\s+(?:block|box|part|again)\b", self.t):
            # "actually just make it a solid block again", "un-shell it": the shell taken out, the outside kept
            for f in reversed(shells):
                self.apply(f"removed {f['id']} (solid again, the outside kept)", ops.remove_feature, f["id"])
            return self.finish()
        if self.spec["body"]["kind"] == "sphere" and BALL_FLAT.search(self.t) and len(self.free()) == 1 and \
                not self.spec.get("features") and not re.search(r"\b(?:both|each|two|2|top and bottom|bottom and top)\b", self.t):
            # "cut a flat on the bottom 5 deep so it doesn't roll", "cut 5mm off the bottom": the ball cut flat, as a new
            # ball with a flat is read (a revolved section)
            from .request import understand as read

            depth, d = self.take(self.free()[0]), self.spec["body"]["diameter"]
            u = read(f"ball {fmt(d)} mm dia with a flat on the bottom {fmt(depth)} mm deep")
            if u.spec is None or u.spec["body"]["kind"] != "revolve" or u.missing:
                self.out.failed.append(f"a flat {fmt(depth)} mm deep on a Ø{fmt(d)} ball could not be built")
                return self.finish()
            data = copy.deepcopy(self.spec)
            data["body"] = {**u.spec["body"], "id": self.spec["body"].get("id", "ball")}
            self.apply(f"cut flat {fmt(depth)} mm deep: {fmt(d - depth)} mm tall", lambda s_, d_=data: ops.parse(d_))
            return self.finish()
        if HEX.search(self.t) and self.spec["body"]["kind"] in ("cylinder", "tube"):
            self.to_hex()
            return self.finish()
        if ROUND.search(self.t) and self.spec["body"]["kind"] == "polygon_prism":
            self.to_round()
            return self.finish()
        if self.spec["body"]["kind"] in ("box", "profile", "rounded_rect") and re.search(
                r"\b(?:fillet|chamfer|round|bevel|break|radius)", self.t) and re.search(
                r"\b(?:both|the|each|either|one)\s+ends?\b(?!\s+(?:of the|face))", self.t) and not re.search(
                r"\b(?:holes?|bores?|slots?)\b", self.t):
            # the ends of a block or an L are its end faces: no edge set names their outlines (all outside edges would
            # be a different part)
            self.out.failed.append("the edges round the end faces of a block or a bracket cannot be picked as a set; "
                                   "say 'the top edges', 'the vertical edges' or 'all edges'")
            return self.finish()
        body_ = self.spec["body"]
        bore_rim = re.search(r"\b(?:inside|inner|bore'?s?|id)\s+(?:edges?|rims?|corners?)\b|\b(?:edges?|rims?) of the (?:bore|"
                             r"inside|hole)\b|\b(?:on|to|around|round) the (?:cent(?:er|re) |middle |)(?:hole|bore)\b|\bthe bore\b",
                             self.t)
        if (body_["kind"] == "tube" or isinstance(body_.get("bore"), (int, float))) and bore_rim and re.search(
                r"\b(?:fillet|chamfer|round|bevel|break|radius|deburr)", self.t) and not re.search(
                r"\b(?:inside and out|in and out|both rims)\b", self.t) and not self.feats("hole"):
            if body_["kind"] == "tube" and not re.search(r"\b(?:top|bottom|one end|upper|lower)\b", self.t):
                # "chamfer the bore 1 mm", "a 1 mm chamfer on the centre hole" of a washer or tube: its rims at both ends
                self.t = self.t[:bore_rim.start()] + " on the holes " + self.t[bore_rim.end():]
                self.out.notes.append("the bore's rims at both ends")
            else:
                self.out.failed.append("the rim of the bore at one end alone cannot be picked as an edge set (its top or "
                                       "bottom edges take the outside rim too); say 'the bore' for its rims at both ends, "
                                       "or 'the top edges'")
                return self.finish()
        zf = re.search(r"\b(?:(top|upper|bottom|lower|both|each)\s+)?flanges?\s*(?:to\s+|at\s+|=\s*|of\s+|now\s+)?"
                       r"([\d.]*\d)\s*(?:mm)?\b(?!\s*(?:thick|thk))", self.t)
        if zf and self.spec["body"]["kind"] == "profile" and self.spec["body"].get("shape") == "Z":
            self.z_flange(zf)
            return self.finish()
        bend = re.search(r"\binside (?:corners?|bends?|edges?|radius|of the (?:bend|corner|angle))|\binner (?:corners?|bends?|"
                         r"edges?|radius)|\b(?:the|its) bends?\b|\bbend radius\b|\bwhere the (?:legs|walls) meet\b|\bheel\b",
                         self.t)
        if bend and self.spec["body"]["kind"] == "profile" and (EDGE_VERB.search(self.t) or re.search(r"\bradius\b",
                                                                                                      self.t)):
            self.inside_bend()
            return self.finish()
        sub = SUBSET_EDGES.search(self.t) if EDGE_VERB.search(self.t) else None
        if sub and not re.search(r"\b(?:holes?|bores?|slots?|pockets?)\b", self.t):
            # "chamfer the two long top edges": a fillet or chamfer on every edge of the set would be another part
            self.out.failed.append(f"'{sub.group(0)}' alone cannot be picked (edge sets: all, top, bottom, vertical, outer, "
                                   "ends, the holes' rims); say e.g. 'the top edges' for every one of them")
            return self.finish()
        if VALUE_TO.search(self.t) and self.value_to():
            return self.finish()
        if re.search(r"\b(?:open|bore|ream)\s+(?:it|that|this|them|those)\s+(?:up|out)\b", self.t) and self.feats("hole") and \
                len(self.free()) == 1 and self.free()[0].role in (None, "size", "diameter") and not kinds:
            # "open it up to .625" on a part with holes: the hole (the last one named), not the part
            h = self.select("hole", self.feats("hole"))[-1]
            v = self.take(self.free()[0])
            self.apply(f"{h['id']}: size {fmt(v)}", ops.replace_feature, h["id"],
                       {k: x for k, x in h.items() if k != "id"} | {"size": v})
            return self.finish()
        if SAME_HOLE.search(self.t) and self.feats("hole") and self.same_hole_across():
            return self.finish()
        if SAME_OTHER.search(self.t):
            one = [it for it in self.free() if re.search(r"\bother\s*$", self.t[:it.num.start]) and it.num.value == 1]
            if len(one) == len(self.free()) and self.same_for_other(kinds):      # "the other one" (read as a 1)
                self.used.update(it.num.start for it in one)
                return self.finish()
        missing = self.unknown_reference()
        if missing:
            self.out.failed.append(missing)
            return self.finish()
        secs = self.spec["body"].get("sections") or []
        by_dia = any(re.match(r"\s*(?:mm\s*)?(?:dia\w*|ø)?\s*(?:part|section|step|bit|portion|end|length)\b", self.t[it.num.end:])
                     and any(math.isclose(self.num_mm(it), s_["diameter"]) for s_ in secs) for it in self.free())
        if self.spec["body"]["kind"] == "shaft" and (SECTION.search(self.t) or by_dia) and not set(kinds) - {"boss"}:
            self.shaft_edit()
            return self.finish()
        shells = [f for f in self.feats("shell") if f.get("open_face")]
        floor = next((it for it in self.free() if is_floor(self.t, it)), None) if shells else None
        if floor is not None and ADD_VERB.search(self.t) and re.search(r"\b(?:holes?|bores?|slots?|pockets?)\b", self.t) and \
                re.search(r"\b(?:in|into|through|on)\s+the\s+(?:bottom|floor|base)\b", self.t):
            floor = None      # "add 4 holes 4 mm in the bottom 10 from the corners": where the holes go, not the floor's size
        way = re.search(r"\b(thicker|thinner|heavier|beefier)\s+(?:bottom|floor|base)\b|\b(?:bottom|floor|base)\s+(?:\w+\s+)?"
                        r"(thicker|thinner)\b", self.t) if shells else None
        if way and floor is None and len(self.free()) == 1:
            # "thicker bottom, 5": the floor (the new size when it lies that way, else how much more), not the part
            it, sh = self.free()[0], shells[-1]
            old = sh.get("bottom", sh["thickness"])
            v = self.take(it)
            sign = -1 if (way.group(1) or way.group(2)) == "thinner" else 1
            new = v if (v - old) * sign > 0 else old + sign * v
            self.out.notes.append(f"read {fmt(v)} as {'the new floor' if new == v else 'how much ' + (way.group(1) or way.group(2))}"
                                  f" (the floor was {fmt(old)})")
            g = {k: x for k, x in sh.items() if k != "id"} | {"bottom": new}
            if new == g["thickness"]:
                g.pop("bottom")
            self.new_floor(sh, g, f"{sh['id']}: floor {fmt(new)} mm thick")
            return self.finish()
        walls = shells and re.search(r"\bwalls?\b", self.t) and not re.search(
            r"\b(?:plate|box|part|block|outside|overall|body|tube|cup|hole|holes)\b", self.t) and not EDGE_VERB.search(self.t)
        if walls and floor is None and len(self.free()) == 1 and self.free()[0].role in (None, "thickness", "wall", "size"):
            # "walls 2 thick instead, bottom too": the shell's walls (and its floor, when said), not the part's height
            sh, v = shells[-1], self.take(self.free()[0])
            # (an amount: "1mm thicker", "thicker by 1", "increase ... by 2"; "thinner wall, 2 mm" says the new size)
            more = re.search(r"\d\s*(?:mm|cm|in|\")?\s*(?:more\s+)?(?:thicker|heavier|beefier)\b|\b(?:thicker|heavier)\s+by\b|"
                             r"\b(?:increase|add|grow|thicken|up)\b[^,;.]*\bby\b", self.t)
            less = re.search(r"\d\s*(?:mm|cm|in|\")?\s*(?:less\s+)?(?:thinner|lighter)\b|\b(?:thinner|lighter)\s+by\b|"
                             r"\b(?:reduce|decrease|thin|shrink|cut|down)\b[^,;.]*\bby\b", self.t)
            if more or less:
                # "make the walls 1mm thicker": by that much (it made them 1 mm, marked ok)
                v = round(sh["thickness"] + (v if more else -v), 6)
                if v <= 0:
                    self.out.failed.append(f"walls {fmt(sh['thickness'])} mm thinner by that much would be none")
                    return self.finish()
            g = {k: x for k, x in sh.items() if k != "id"}
            if re.search(r"\b(?:keep|keeping|same)\s+(?:the\s+)?(?:inside|inner|internal|cavity|interior)", self.t):
                # "walls 3 but keep the inside size": the outside grows by the walls' change (the floor's too)
                if self.spec["body"]["kind"] != "box" or "bottom" in sh:
                    self.out.failed.append("keeping the inside while the walls change is done for a box shelled with one "
                                           "thickness; say the new outside size")
                    return self.finish()
                d = v - sh["thickness"]
                data = copy.deepcopy(self.spec)
                bd = data["body"]
                bd["length"], bd["width"] = bd["length"] + 2 * d, bd["width"] + 2 * d
                bd["height"] += d * (1 if sh.get("open_face") else 2)
                k = next(i for i, f in enumerate(data["features"]) if f["id"] == sh["id"])
                data["features"][k]["thickness"] = v
                self.apply(f"{sh['id']}: walls {fmt(v)} mm, the inside kept (outside {fmt(bd['length'])} x "
                           f"{fmt(bd['width'])} x {fmt(bd['height'])})", lambda s_, d_=data: ops.parse(d_))
                return self.finish()
            # (read in the words as said: "leave the floor alone", "the bottom stays 3", "not the bottom" are taken out
            # of the reading as things kept)
            keep_floor = FLOOR_KEPT.search(self.said)
            old_floor = sh.get("bottom", sh["thickness"])
            g["thickness"] = v
            if keep_floor and sh.get("open_face") in ("top", "bottom") and self.spec["body"]["kind"] in ("box", "cylinder"):
                # "thinner wall, 2 mm, keep the base": the walls change, the floor stays as thick as it was
                g["bottom"] = old_floor
                if old_floor == v:
                    g.pop("bottom")
                self.apply(f"{sh['id']}: walls {fmt(v)} mm, the floor kept {fmt(old_floor)} mm", ops.replace_feature,
                           sh["id"], g)
                return self.finish()
            if re.search(r"\b(?:bottom|floor|base)\b", self.t) or g.get("bottom") == v:
                g.pop("bottom", None)
            self.apply(f"{sh['id']}: walls {fmt(v)} mm" + ("" if "bottom" in g else ", the floor too"),
                       ops.replace_feature, sh["id"], g)
            return self.finish()
        if floor is not None:
            # "bottom 6 thick", "make the floor 3": the open shell's floor
            sh = shells[-1]
            v = self.take(floor)
            g = {k: x for k, x in sh.items() if k != "id"}
            both = re.search(r"\bwalls?\s*(?:\+|&|and|plus)\s*(?:the\s+)?(?:floor|bottom|base)\b|\b(?:floor|bottom|base)\s*"
                             r"(?:\+|&|and|plus)\s*(?:the\s+)?walls?\b|\b(?:floor|bottom|base) too\b|\beverything\b", self.t)
            if both:
                g["thickness"] = v       # "walls + floor 4mm": one thickness for both
            if v == g["thickness"]:
                g.pop("bottom", None)
            else:
                g["bottom"] = v
            self.new_floor(sh, g, f"{sh['id']}: " + ("walls and " if both else "") + f"floor {fmt(v)} mm thick")
        self.relative()          # "10 mm longer and ...": sizes first, then features
        centre = CENTRE.search(self.t)
        if centre and not self.free() and not re.match(r"\s*(?:(?:and|also|now|then|plus)\s+)*(?:a|an|one|another)\b",
                                                       self.t) and not (ADD_VERB.search(self.t) and re.search(
                                                           r"\b(?:a|an|one|another|new)\b", self.t)):
            # ("add an M6 tapped hole in the middle": a new hole there, not the holes centred)
            self.recentre(kinds)
            return self.finish()
        to_edge = TO_EDGE.search(self.t)
        if to_edge and any(it.num.start == to_edge.start(2) for it in self.free()) and not NEWISH.search(self.t):
            self.place(_EdgeMatch(to_edge.group(2), to_edge.group(1), to_edge.start(2)), kinds)
            return self.finish()
        corner = ONE_CORNER.search(self.t)
        if corner and MOVE_VERB.search(self.t) and not ADD_VERB.search(self.t):
            self.to_corner(corner, kinds)      # "move it to the top left corner, 15 from each edge"
            return self.finish()
        to_xy = re.search(r"\b(?:move|moved|shift|put|relocate|bring)\b.*?\bto\s*\(?\s*([\d.]+)\s*,\s*([\d.]+)\s*\)?", self.t)
        if to_xy and self.spec["body"]["kind"] in ("box", "rounded_rect"):
            self.move_to_xy(to_xy, kinds)      # "move the big hole to 65,20": x, y from the lower-left corner
            return self.finish()
        mv = MOVE.search(self.t)
        pos = FROM_EDGE.search(self.t)
        if mv and pos and mv.start(1) >= pos.start(2) and any(it.num.start == pos.start(1) for it in self.free()):
            self.place(pos, kinds)      # "move it to 20 from the left": a place, not 20 to the left
            return self.finish()
        if (mv or re.search(r"\b(?:so|sit|sits|are|end up|land)\b", self.t)) and self.grid_from_edges():
            return self.finish()
        if mv and mv.group(1).startswith(("in", "out")):
            if not re.search(r"\b(bolt circle|pcd|circle|apart|spacing|pitch|closer|pattern|rectangle|grid|square|"
                             r"cent(?:er|re)s)\b", self.t):
                self.move_in_out(mv)
                return self.finish()
        elif mv:
            self.move(kinds)
            return self.finish()
        pos = FROM_EDGE.search(self.t)
        if pos and not ADD_VERB.search(self.t) and not NEWISH.search(self.t) and any(it.num.start == pos.start(1)
                                                                                     for it in self.free()):
            # ("another hole 8 mm 20 from the right end", "one more hole, 20 from the end": not the one there moved)
            self.place(pos, kinds)
            return self.finish()
        if TAPER.search(self.t) and self.spec["body"]["kind"] == "cylinder":
            self.taper()
        elif re.search(r"\b(?:taper|tapered|draft|drafted)\b", self.t):
            self.out.failed.append("tapering is done offline for a cylinder only (to a cone); draft on the sides of "
                                   f"this {self.spec['body']['kind'].replace('_', ' ')} is not built")
            return self.finish()
        if "mirror" in kinds:
            self.mirror(kinds)
            return self.finish()
        if FULL_LENGTH.search(self.t) and not self.free() and self.full_length(kinds):
            return self.finish()
        from .request import ROOT_EDGE, root_treatment
        if EDGE_VERB.search(self.said) and ROOT_EDGE.search(self.said):
            # "a 3 mm fillet at the root of the hub", "where the hub meets the flange": the concave edge round the boss's
            # foot (it was put on the top edges, marked ok)
            f, why = root_treatment(self.said, self.spec.get("features", []), [self.num_mm(it) for it in self.free()])
            if f is None:
                self.out.failed.append(why)
                return self.finish()
            self.used.update(it.num.start for it in self.free())
            ids = {x["id"] for x in self.spec.get("features", [])}
            f["id"] = next(f"{f['id']}_{i}" if i else f["id"] for i in range(99) if (f"{f['id']}_{i}" if i else f["id"]) not in ids)
            self.apply(f"added {f['kind']} {fmt(f.get('radius', f.get('size')))} round the foot of {f['of']}",
                       ops.add_feature, f)
            return self.finish()
        from .request import unsupported_words
        missing = unsupported_words(self.t) + [w for w in ("knurl",) if re.search(rf"\b{w}", self.t)]
        if missing:
            self.out.failed.append(f"the offline engine does not build {', '.join(dict.fromkeys(missing))}")
            return self.finish()
        face = OPEN_FACE.search(self.t)
        both = re.search(r"\b(?:as well|too|also|both)\b|\band the (?:top|bottom)\b", self.said)
        if face and both and self.feats("shell") and self.open_both(self.feats("shell")[-1], face.group(1)):
            return self.finish()
        if (OPEN_TOP.search(self.t) or face) and self.feats("shell"):
            sh = self.feats("shell")[-1]
            where = face.group(1) if face else "top"
            g = {k: v for k, v in sh.items() if k != "id"}
            g["open_face"] = where
            if where not in ("top", "bottom"):
                g.pop("bottom", None)
            self.apply(f"{sh['id']}: open at the {where}", ops.replace_feature, sh["id"], g)
            return self.finish()
        if CLOSE.search(self.t) and self.feats("shell"):
            sh = self.feats("shell")[-1]
            self.apply(f"{sh['id']}: closed (no open face)", ops.replace_feature, sh["id"],
                       {**{k: v for k, v in sh.items() if k != "id"}, "open_face": None})
            return self.finish()
        holes_now = self.feats("hole")
        if holes_now and TO_SLOTS.search(self.t) and (not self.feats("slot") or re.search(r"\bholes?\b", self.t)):
            # ("make those slots 40 long" with slots there: the slots)
            self.holes_to_slots(holes_now)
            return self.finish()
        if STEP_DOWN.search(self.t) and self.spec["body"]["kind"] in ("cylinder", "shaft"):
            self.step_down()
            return self.finish()
        way = re.search(r"\b(?:run|runs|running|go|goes|going|point|lie|lies|turn(?:ed)?|rotate(?:d)?)\s+(?:it\s+|them\s+)?(?:to\s+run\s+)?"
                        r"(across|crosswise|sideways|the other way|lengthwise|along(?: the length)?|the long way|the short way)\b",
                        self.t)
        slots = [f for f in self.spec.get("features", []) if f["kind"] in ("slot", "pocket") and f["kind"] in kinds]
        if way and slots and not self.free():
            # "make the slot run the other way", "rotate the slot to run across": a quarter turn (or back along the length)
            f = slots[-1]
            a = f.get("angle", 0.0) % 180
            new = {"across": 90.0, "crosswise": 90.0, "sideways": 90.0, "the short way": 90.0, "lengthwise": 0.0,
                   "along": 0.0, "along the length": 0.0, "the long way": 0.0}.get(way.group(1), (a + 90.0) % 180)
            if math.isclose(new, a):
                self.out.done.append(f"{f['id']} already runs that way")
            else:
                self.apply(f"{f['id']}: turned to {fmt(new)}°", ops.set_parameter, f"{f['id']}.angle", new)
            return self.finish()
        if ROTATE.search(self.t):
            turned = [f for f in self.spec.get("features", []) if f["kind"] in ("slot", "pocket") and f["kind"] in kinds]
            if turned:
                # "turn the slot 90 degrees": its angle on the face
                f = turned[-1]
                deg = next((it for it in self.free() if it.role == "angle" or re.match(r"^\s*(?:deg|degrees?|°)",
                                                                                    self.t[it.num.end:])), None) \
                    or next(iter(self.free()), None)
                if deg is None:
                    self.out.failed.append(f"how far to turn {f['id']} (e.g. 'turn the {f['kind']} 90 degrees')")
                    return self.finish()
                self.used.add(deg.num.start)
                a = (f.get("angle", 0.0) + deg.num.value) % 180
                self.apply(f"{f['id']}: turned to {fmt(a)}°", ops.set_parameter, f"{f['id']}.angle", a)
                return self.finish()
            if re.search(r"\bholes?\b|\bthem\b|\bpattern\b|\bbolt circle\b|\bpcd\b|\bthose\b", self.t):
                self.rotate()
            else:
                self.out.failed.append("the offline engine does not turn the part (a part's orientation does not "
                                       "change its shape; say which holes to turn)")
            return self.finish()
        uni = re.search(r"\bunified[a-jsnt]+", self.t)
        if holes_now and uni and not ADD_VERB.search(self.t) and not self.free() and not re.match(
                r"\s*(?:(?:and|also|now|then|plus)\s+)*(?:a|an|one|another)\b", self.t) and set(kinds) <= {"hole", "bore"}:
            self.inch_thread(unified_thread(uni.group(0)), holes_now)      # "make them 1/4-20 tapped"
            return self.finish()
        ms = M_SIZE.search(self.t)
        # "make those M8 x 12 deep instead": the screw size and the depth of the thread
        deep = [it for it in self.free() if re.match(r"\s*(?:mm\s*)?(?:deep|dp)\b", self.t[it.num.end:])]
        if holes_now and ms and len(deep) == 1 and len(self.free()) == 1 and not ADD_VERB.search(self.t) and \
                set(kinds) <= {"hole"} and PRONOUN.search(self.t) and re.search(r"\bm\d+(?:\.\d+)?\s*(?:tapped\s+|x\s*)?$",
                                                                    self.t[:deep[0].num.start]):
            d = self.take(deep[0])
            was = [h["size"] for h in holes_now if isinstance(h.get("size"), str)]
            kind = "clearance" if "clearance" in self.t else "tapped" if re.search(r"\btap|thread", self.t) or (
                was and all("tapped" in w for w in was)) else "tapped"     # (a thread said with its depth is tapped)
            size = f"M{ms.group(1)} {kind}"
            for h in self.select("hole", holes_now):
                g = {**{k: v for k, v in h.items() if k != "id"}, "size": size, "depth": d}
                self.apply(f"{h['id']}: {size}, {fmt(d)} deep", ops.replace_feature, h["id"], g)
            return self.finish()
        if holes_now and ms and not ADD_VERB.search(self.t) and not self.free() and not kinds and (
                PRONOUN.search(self.t) or SCREW_SWITCH.search(self.t) or re.fullmatch(r"\s*(?:(?:go|switch|change)(?: it)? to\s+|make (?:it|them)\s+|"
                                                      r"(?:use|try|let'?s (?:use|do|go with)|go with|(?:tap|thread)(?: it| them| "
                                                      r"the holes?| that)?)\s+)?m\d+"
                                                      r"(?:\s+(?:clearance|tapped))?\s*(?:instead|then|please|pls|plz)?\W*",
                                                      self.t)):
            # "can we go to M6 clearance for those", "M6 instead": the holes named last, to that screw's size (tapped or
            # clearance as they were, unless said)
            was = [h["size"] for h in holes_now if isinstance(h.get("size"), str)]
            kind = "tapped" if re.search(r"\btap|thread", self.t) else "clearance" if "clearance" in self.t else \
                "tapped" if was and all("tapped" in w for w in was) else "clearance"
            size = f"M{ms.group(1)} {kind}"
            for h in self.select("hole", holes_now):
                g = {**{k: v for k, v in h.items() if k != "id"}, "size": size}
                self.apply(f"{h['id']}: {size}" + self.screw_heads(h, g, f"M{ms.group(1)}"), ops.replace_feature, h["id"], g)
            return self.finish()
        if holes_now and re.search(r"\b(tapped|threaded|tap them|clearance)\b", self.t) and not self.free() and \
                not ADD_VERB.search(self.t) and not M_SIZE.search(self.t):
            for h in holes_now:
                if isinstance(h.get("size"), str):
                    new_size = re.sub(r"\b(clearance|tapped)\b.*", "tapped" if "clearance" not in self.t else
                                      "clearance", h["size"])
                    self.apply(f"{h['id']}: {new_size}", ops.replace_feature, h["id"],
                               {**{k: v for k, v in h.items() if k != "id"}, "size": new_size})
            if not self.out.done:
                self.out.failed.append("the holes have no thread size to tap (give it, e.g. 'M5 tapped')")
            return self.finish()
        if holes_now and not kinds and not ADD_VERB.search(self.t) and (PRONOUN.search(self.t) or re.search(
                r"\bblind\b", self.t)):
            depth = next((it for it in self.free() if it.role == "depth" or re.match(r"\s*(?:mm\s*)?deep\b",
                                                                                    self.t[it.num.end:])), None)
            through = not self.free() and re.search(r"\b(?:all the way )?(?:through|thru)\b|\ball the way\b", self.t)
            if depth is not None or through:
                # "make them go all the way through", "blind 5 deep": the holes named last
                v = self.take(depth) if depth is not None else None
                for h in self.select("hole", holes_now):
                    g = {x: y for x, y in h.items() if x not in ("id", "depth")}
                    if v is not None:
                        g["depth"] = v
                    self.apply(f"{h['id']}: " + (f"{fmt(v)} deep" if v is not None else "through"), ops.replace_feature,
                               h["id"], g)
                return self.finish()
        pockets = [f for f in self.spec.get("features", []) if f["kind"] == "pocket" and f.get("shape", "rect") == "rect"]
        corner_r = [it for it in self.free() if it.role == "radius" or re.match(r"^\s*(?:mm\s*)?(?:radius\s+)?"
                                                                                 r"(?:corners?|corner radi)", self.t[it.num.end:])]
        if pockets and "pocket" in kinds and ("fillet" in kinds or corner_r) and self.free():
            it = corner_r[0] if corner_r else self.free()[0]
            f = pockets[-1]
            v = self.take(it)
            self.apply(f"{f['id']}: corners rounded R{fmt(v)}", ops.replace_feature, f["id"],
                       {**{k: x for k, x in f.items() if k != "id"}, "corner_radius": v})
            return self.finish()
        plain = re.search(r"\bplain (?:[\d.]+\s*(?:mm\s*)?)?(?:(?:through|thru) )?(?:holes?|bores?|through)\b|"
                          r"\bjust (?:a )?plain\b", self.t) or (
            REMOVE.search(self.t) and ("csink" in kinds or "cbore" in kinds))
        # "drop the two counterbores on the right side": the counterbored holes there go (remove, below)
        side_sub = REMOVE.search(self.t) and re.search(r"\b(?:on|at) the (?:left|right|front|back)\b|\bthe (?:left|right|"
                                                        r"front|back) (?:pair|two|ones|side)\b", self.t)
        plain = plain and not side_sub
        if plain and holes_now and any("cbore" in h or "csink" in h for h in holes_now) and not (
                ADD_VERB.search(self.t) and re.search(r"\b(?:more|new|another|extra)\b|\b(?:a|an|one|1)\s+plain\b", self.t)):
            # ("add a plain 30mm hole through the middle" is a new hole: the counterbored ones stay as they are)
            # "no counterbore, plain hole", "lose the countersink": the holes stay, their heads go
            for h in [h for h in self.select("hole", holes_now) if "cbore" in h or "csink" in h] or \
                    [h for h in holes_now if "cbore" in h or "csink" in h]:
                g = {k: v for k, v in h.items() if k not in ("id", "cbore", "csink")}
                size = next((it for it in self.free() if re.match(r"\s*(?:mm\s*)?(?:(?:through|thru)\s+)?holes?\b",
                                                                  self.t[it.num.end:])), None)
                if size is not None:      # "just make them plain 8 mm through holes": that size too
                    g["size"] = self.take(size)
                self.apply(f"{h['id']}: plain (no counterbore or countersink)" + (f", Ø{fmt(g['size'])}" if size else ""),
                           ops.replace_feature, h["id"], g)
            return self.finish()
        if ("csink" in kinds or "cbore" in kinds) and holes_now and not ADD_VERB.search(self.t) and not side_sub:
            self.swap(kinds)
            self.sets()
            return self.finish()
        if self.radial_count():
            return self.finish()
        if REMOVE.search(self.t) and not SWAP.search(self.t):
            self.remove(kinds or (["fillet"] if re.search(r"sharp (?:corners|edges)", self.t) else []))
        elif SWAP.search(self.t) and len({k for k in kinds if k != "hole"}) >= 1:
            self.swap(kinds)
        elif kinds and not (set(kinds) <= {"shell"} and self.spec["body"]["kind"] in ("profile", "tube")) and not (
                self.out.done and not self.free()):
            self.feature_edit(kinds)
        elif not kinds and self.feats("hole") and self.asked(HOLE_WORDS) and not (self.out.done and not self.free()):
            self.change_holes(self.feats("hole"))
        elif not kinds and PRONOUN.search(self.t) and self.spec.get("features") and not self.out.done and \
                self.free() and (not any(it.role for it in self.free()) or (
                    re.search(r"\b(?:them|those|these|they)\b", self.t) and self.feats("hole") and
                    all(it.role in (None, "diameter", "size") for it in self.free()) and
                    self.spec["features"][-1]["kind"] == "hole")) and not MOVE.search(self.t):
            # "and bump them up to 10 dia": the holes named last (plural), not the disc's diameter
            last = self.spec["features"][-1]
            if last["kind"] == "hole" and (HOLE_WORDS.search(self.t) or re.search(r"\bspace\b", self.t)):
                self.change_holes(self.select("hole", self.feats("hole")))     # "space them out to 35"
                self.sets()
                return self.finish()
            self.change_feature(last["kind"], self.select(last["kind"], [f for f in self.spec["features"]
                                                                         if f["kind"] == last["kind"]]))
        self.sets()
        return self.finish()

    def unknown_reference(self) -> str | None:
        """Words that point at features the part does not have ('those side ones' with every hole on the top, 'the
        left slot' of a pattern of two): the change would land on something else, so it is refused, saying why."""
        if ADD_VERB.search(self.t):
            return None
        body = self.spec["body"]
        section = re.search(r"\bthe\s+(flange|head|collar|shoulder|lip|web)s?\b|^\s*(flange|head|collar|shoulder|lip|web)s?\b",
                            self.t)
        if section:
            word = section.group(1) or section.group(2)
            there = body["kind"] == "shaft" or (body["kind"] == "profile" and word in ("flange", "web", "lip")) or \
                word in f"{body.get('id', '')} {body.get('name', '')}".lower()      # a part named a flange is one
            if not there:
                # "flange 10 thick" on a block: the block is not a flange; its thickness changed would be another part
                return f"there is no {word} on this part (it is a {body['kind'].replace('_', ' ')}; it has: {self.inventory()})"
        if re.search(r"\bwalls?\b", self.t) and not self.feats("shell") and body["kind"] in ("box", "cylinder",
                                                                                            "rounded_rect") and \
                not re.search(r"\b(?:shell|hollow|walls? of|with (?:\w+ )?walls?|[\d.]+\s*(?:mm\s*)?walls?\b|open (?:at|on) the "
                              r"(?:top|bottom)\b)", self.t):
            # "make the wall 3" on a solid block: it has no walls; hollowing it would be another part
            return (f"this {body['kind'].replace('_', ' ')} is solid and has no walls; to hollow it say e.g. 'shell it "
                    "with 3 mm walls, open at the top'")
        keep = KEEP_REF.search(self.t)
        if keep:
            word = keep.group(1)
            body = self.spec["body"]
            kind = {"holes": "hole", "bores": "hole", "bore": "hole", "hub": "boss", "counterbore": "hole",
                    "round": "fillet", "rounds": "fillet", "bevel": "chamfer"}.get(word, word.rstrip("s"))
            there = body["kind"] == "shaft" if kind in ("step", "flange", "shoulder", "collar") else \
                any(f["kind"] == kind for f in self.spec.get("features", [])) or (
                    kind == "hole" and (body["kind"] == "tube" or isinstance(body.get("bore"), (int, float))))
            if not there:
                return f"there is no {word} on this part to keep (it has: {self.inventory()})"
        m = PLACE_REF.search(self.t)
        if not m:
            return None
        where, noun = m.group(1) or m.group(3), m.group(2) or "holes"
        kind = "hole" if noun.startswith(("hole", "bore", "one")) else noun.rstrip("s").replace("bosse", "boss")
        feats = [f for f in self.spec.get("features", []) if f["kind"] == kind] if kind != "hole" else self.feats("hole")
        if not feats:
            return None if noun.startswith("one") else f"there is no {kind} here to change"
        faces = {"side": ("left", "right", "front", "back"), "end": ("left", "right"), "top": ("top",),
                 "bottom": ("bottom",), "front": ("front",), "back": ("back",), "rear": ("back",)}.get(where)
        if faces is not None:
            body = self.spec["body"]
            if where == "end" and body["kind"] in ("cylinder", "tube", "shaft"):
                faces = ("top", "bottom")
            if not any(f.get("on", "top") in faces for f in feats):
                return (f"there are no {where} {kind}s on this part (every {kind} is on the "
                        f"{', '.join(sorted({str(f.get('on', 'top')) for f in feats}))}); say which {kind} to change")
            return None
        # 'the left slot', 'the second hole', 'the other one': one copy of a pattern
        single = [f for f in feats if (f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT
                  and len((f.get("at") or {}).get("points") or [0]) == 1]
        if where in ("middle", "centre", "center", "central", "outer", "outside", "inner") and (
                self.spec["body"].get("inner_diameter") is not None or REMOVE.search(self.t) or
                re.search(r"\b(?:leave out|leave off|omit|without)\b", self.t)):
            return None     # "centre hole 35" on a bored disc: its bore; "remove the outer two": the row made shorter
        if where in ("middle", "centre", "center", "central") and single and len(feats) > 1 and \
                not re.search(r"\b(?:both|all|each|every)\b", self.t):
            # "Ø25 for the middle one" among holes split before: the one feature whose place is the middle of them all
            mid = self._middle_feature(feats)
            if mid is None:
                return f"which {kind} is the middle one is not clear here; say it by its place"
            self.only = mid
            return None
        if single or re.search(r"\b(?:both|all|each|every)\b", self.t):
            return None
        if where in SPLIT_PLACES and len(feats) == 1 and self.split_member(feats[0], where):
            return None
        if REMOVE.search(self.t) and CORNER_ONE.search(self.t):
            return None     # "remove the top left hole": that one copy goes (Edit.remove_corner_one)

        return (f"'{m.group(0)}' is one {kind} of a pattern, and the offline engine changes a pattern as a whole; "
                f"say 'both {kind}s' or 'all the {kind}s' for all of them")

    def remove_side(self, kind: str, side: str) -> bool:
        """'remove the two holes on the right': the copies of a pattern on that side of its face's middle go; the rest
        stay where they are (as points, said). The count, when said, must match."""
        from ..part.plan import resolve_feature

        f = next((g for g in self.feats(kind) if (_count(g.get("at") or {}) or 1) > 1 or len((g.get("at") or {}).get(
            "points") or []) > 1), None)
        if f is None or f.get("on", "top") != "top":
            return False
        try:
            res = resolve_feature(self.spec, f["id"])
        except ValueError:
            return False
        pts = [(round(u, 6), round(v, 6)) for u, v in res.points]
        axis, sign = {"left": (0, -1), "right": (0, 1), "front": (1, -1), "bottom": (1, -1), "lower": (1, -1),
                      "back": (1, 1), "rear": (1, 1), "top": (1, 1), "upper": (1, 1)}[side]
        gone = [p for p in pts if p[axis] * sign > 1e-6]
        keep = [p for p in pts if p not in gone]
        n = next((it for it in self.free(("count",))), None) or next(
            (it for it in self.free() if it.num.integer and re.match(r"\s*(?:\w+\s+)?(?:holes?|slots?|pockets?|of)\b",
                                                                     self.t[it.num.end:])), None)
        if not gone or not keep or (n is not None and int(n.num.value) != len(gone)):
            return False
        if n is not None:
            self.used.add(n.num.start)
        self.out.notes.append(f"the {len(keep)} left of {f['id']} kept where they were, as points")
        self.apply(f"{f['id']}: the {len(gone)} on the {side} removed", ops.replace_feature, f["id"],
                   {k: v for k, v in f.items() if k not in ("id", "at")} | {"at": {"kind": "at",
                                                                               "points": [list(p) for p in keep]}})
        return True

    def inside_bend(self) -> None:
        """'fillet the inside of the bend, 3mm', 'inside radius 3', 'no radius inside the bend': the concave corner(s)
        where an L's, T's or U's walls meet (``inner_radius``); a chamfer there is not built."""
        b = self.spec["body"]
        if b.get("shape") not in ("L", "T", "U"):
            self.out.failed.append(f"a radius inside the bends is built for L, T and U sections, not a {b.get('shape')} one")
            return
        if re.search(r"\b(?:chamfer|bevel)", self.t):
            self.out.failed.append("a chamfer inside a bracket's bend is not built offline (a radius there is: "
                                   "'fillet the inside of the bend 3 mm')")
            return
        if REMOVE.search(self.t) or re.search(r"\bsharp\b", self.t):
            if not b.get("inner_radius"):
                self.out.failed.append("there is no radius inside the bend to remove")
                return
            data = copy.deepcopy(self.spec)
            data["body"].pop("inner_radius")
            self.apply("the radius inside the bend removed (a sharp corner)", lambda s_, d=data: ops.parse(d))
            return
        it = next(iter(self.free()), None)
        if it is None or len(self.free()) > 1:
            self.out.failed.append("say the radius inside the bend (e.g. 'fillet the inside of the bend 3 mm')")
            return
        v = self.take(it)
        data = copy.deepcopy(self.spec)
        data["body"]["inner_radius"] = v
        n = {"L": "the bend", "T": "both inside corners", "U": "both bends"}[b["shape"]]
        self.apply(f"R{fmt(v)} inside {n}" + (f" (was R{fmt(b['inner_radius'])})" if b.get("inner_radius") else ""),
                   lambda s_, d=data: ops.parse(d))

    @staticmethod
    def _screw_head(h: dict, key: str):
        """The counterbore (a dict) or countersink diameter of the ISO screw an M-size hole is for; None for other holes."""
        m = re.match(r"(M[\d.]+)\s+(?:clearance|close|normal|loose)", str(h.get("size") or ""))
        if not m:
            return None
        try:
            head = tables.screw_head(m.group(1))
        except KeyError:
            return None
        return dict(head["cbore"]) if key == "cbore" else head["csink"]

    def screw_heads(self, h: dict, g: dict, screw: str) -> str:
        """A hole moved to another screw size: its counterbore or countersink follows the screw's table (ISO 4762 /
        ISO 10642) when it was that table's for the old screw (or the words name the head); one sized by hand is
        kept, and said. Changes ``g``; returns what to say."""
        old = re.match(r"(M[\d.]+)", str(h.get("size") or ""))
        try:
            new_head = tables.screw_head(screw)
            old_head = tables.screw_head(old.group(1)) if old else None
        except KeyError:
            return ""
        said = []
        for key in ("cbore", "csink"):
            if key not in h:
                continue
            was = h[key]["diameter"] if key == "csink" else h[key]
            table_was = old_head[key] if old_head else None
            if table_was is not None and was == table_was if key == "cbore" else \
                    table_was is not None and math.isclose(float(was), float(table_was), abs_tol=0.05):
                g[key] = dict(new_head["cbore"]) if key == "cbore" else {**h["csink"], "diameter": new_head["csink"]}
                said.append(f"{'counterbore' if key == 'cbore' else 'countersink'} for {screw} "
                            + (f"Ø{fmt(g[key]['diameter'])} x {fmt(g[key]['depth'])} deep" if key == "cbore" else
                               f"Ø{fmt(g[key]['diameter'])}"))
            else:
                self.out.notes.append(f"the {'counterbore' if key == 'cbore' else 'countersink'} of {h['id']} was sized "
                                      "by hand: kept as it was")
        return f" ({'; '.join(said)})" if said else ""

    def same_hole_across(self) -> bool:
        """'same hole through the other two directions as well', 'the same hole through the front too': a copy of the
        part's lone hole through the other faces of a block (the axes no hole of that size crosses yet), or the face
        named. False where the words name no face or direction."""
        if self.spec["body"]["kind"] not in ("box", "rounded_rect"):
            return False
        holes = [h for h in self.feats("hole") if (h.get("at") or {"kind": "center"})["kind"] in SINGLE_AT]
        if not holes:
            return False
        src = holes[-1]
        axis = {"top": "z", "bottom": "z", "front": "y", "back": "y", "left": "x", "right": "x"}
        have = {axis[h.get("on", "top")] for h in self.feats("hole") if h.get("size") == src.get("size")}
        if re.search(r"\b(?:other (?:two|2) (?:directions?|axes|ways|faces|sides)|(?:all|every|each) (?:three|3)? ?(?:directions?|"
                     r"ax[ie]s|ways)|every (?:face|side)|each (?:face|side)|both other (?:directions|axes|ways|faces|sides))\b", self.t):
            self._use_span(re.search(r"\b(?:other|all|every|each|both)\b.*", self.t))
            faces = [f for f, a in (("front", "y"), ("left", "x")) if a not in have]
        else:
            if re.search(r"\bfrom the (?:left|right|front|back|top|bottom|near|far)?\s*(?:edge|end|side|corner)s?\b", self.t):
                return False       # "same hole again but 25 from the right edge": a place on the face, not another face
            named = re.search(r"\b(front|back|rear|left|right|side|end)\b", self.t)
            if not named:
                return False
            w = {"rear": "back", "side": "front", "end": "left"}.get(named.group(1), named.group(1))
            faces = [w] if axis[w] not in have else []
        if not faces:
            self.out.failed.append(f"a hole the size of {src['id']} already goes through every axis named")
            return True
        ids = {f["id"] for f in self.spec.get("features", [])}
        for face in faces:
            new_id = next(i for i in (f"{src['id']}_{face}", *(f"{src['id']}_{face}_{n}" for n in range(2, 99))) if i not in ids)
            ids.add(new_id)
            g = {k: v for k, v in src.items() if k not in ("id", "on", "at")} | {"on": face, "at": {"kind": "center"}}
            self.apply(f"added {new_id}: the same hole as {src['id']} through the {face}", ops.add_feature,
                       {"id": new_id, **g})
        return True

    def same_for_other(self, kinds: list[str]) -> bool:
        """'same for the other one', 'do the other slot the same': the sizes of the feature changed on its own (the
        last of several of its kind) given to the others of that kind; 'same on the other end': an edge treatment of
        the top (bottom) edges added on the bottom (top). False when the part has no such pair (not read here)."""
        feats = self.spec.get("features", [])
        kinds = [k for k in kinds if k not in ("hole",) or self.feats("hole")]
        pool = [f for f in feats if not kinds or f["kind"] in {g["kind"] for k in kinds for g in self.feats(k)}]
        src = next((f for f in reversed(pool) if f["kind"] not in ("fillet", "chamfer", "shell", "mirror") and
                    sum(g["kind"] == f["kind"] for g in feats) > 1), None)
        if src is not None:
            sizes = {k: v for k, v in src.items() if k not in ("id", "at", "on", "kind", "angle")}
            others = [g for g in feats if g["kind"] == src["kind"] and g["id"] != src["id"]]
            for g in others:
                new = {k: v for k, v in g.items() if k not in ("id", *sizes)} | sizes
                if new == {k: v for k, v in g.items() if k != "id"}:
                    self.out.done.append(f"{g['id']} is already the same as {src['id']}")
                    continue
                said = ", ".join(f"{k} {fmt(v) if isinstance(v, (int, float)) else v}" for k, v in sizes.items()
                                 if g.get(k) != v)
                self.apply(f"{g['id']}: the same as {src['id']} ({said})", ops.replace_feature, g["id"], new)
            return True
        last = feats[-1] if feats else None
        opposite = {"top": "bottom", "bottom": "top", "left": "right", "right": "left", "front": "back", "back": "front"}
        if last is not None and last["kind"] in ("hole", "pocket", "boss") and (last.get("depth") is not None or
                                                                                 last["kind"] == "boss") and \
                isinstance(last.get("on", "top"), str) and re.search(r"\b(?:end|side|face|bottom|top)\b", self.t) and \
                (not kinds or last["kind"] in kinds):
            # "put the same on the other end": a blind hole (pocket, boss) copied onto the opposite face
            face = opposite[last.get("on", "top")]
            if any(f["kind"] == last["kind"] and f.get("on", "top") == face for f in feats):
                self.out.failed.append(f"the {face} already has a {last['kind']}")
                return True
            ids = {f["id"] for f in feats}
            new_id = next(i for i in (f"{last['id']}_{face}", *(f"{last['id']}_{face}_{n}" for n in range(2, 99))) if i not in ids)
            at = copy.deepcopy(last.get("at") or {"kind": "center"})
            if at["kind"] == "at" and face in ("bottom", "left", "right", "front", "back") and last.get("on", "top") in (
                    "top", "bottom"):
                at["points"] = [[u, -v] for u, v in at["points"]]      # seen from below, v runs the other way
            g = {k: v for k, v in last.items() if k not in ("id", "on", "at")} | {"on": face, "at": at}
            self.apply(f"added {new_id}: the same {last['kind']} as {last['id']} on the {face}", ops.add_feature,
                       {"id": new_id, **g})
            return True
        edge = next((f for f in reversed(feats) if f["kind"] in ("fillet", "chamfer") and f.get("edges") in ("top", "bottom")
                     and (not kinds or f["kind"] in kinds)), None)
        if edge is not None and re.search(r"\b(?:end|side|face|bottom|underside|top)\b", self.t):
            other = {"top": "bottom", "bottom": "top"}[edge["edges"]]
            if any(f["kind"] in ("fillet", "chamfer") and f.get("edges") in (other, "ends", "outer", "all") for f in feats):
                self.out.failed.append(f"the {other} edges already have a {next(f['kind'] for f in feats if f.get('edges') in (other, 'ends', 'outer', 'all'))}")
                return True
            g = {k: v for k, v in edge.items() if k != "id"} | {"edges": other}
            ids = {f["id"] for f in feats}
            new_id = next(i for i in (f"{edge['id']}_{other}", *(f"{edge['id']}_{other}_{n}" for n in range(2, 99)))
                          if i not in ids)
            size = edge.get("radius", edge.get("size"))
            self.apply(f"added {edge['kind']} {fmt(size)} on the {other} edges (the same as {edge['id']})",
                       ops.add_feature, {"id": new_id, **g})
            return True
        return False

    def every_other(self, kind: str) -> bool:
        """'remove every other hole': a row of an odd count keeps its ends at twice the spacing; a bolt circle of an
        even count keeps half, from the same start. Anything else (a grid, an even row) is not one pattern after."""
        f = next((g for g in self.feats(kind) if (_count(g.get("at") or {}) or 1) > 1), None)
        if f is None:
            return False
        at = copy.deepcopy(f["at"])
        n = at["count"]
        if at["kind"] == "linear" and n % 2 and isinstance(at.get("spacing"), (int, float)):
            at["count"], at["spacing"] = (n + 1) // 2, at["spacing"] * 2
            what = f"every other one removed: {at['count']} left, {fmt(at['spacing'])} apart"
        elif at["kind"] == "bolt_circle" and n % 2 == 0:
            at["count"] = n // 2
            what = f"every other one removed: {at['count']} left on the Ø{fmt(at['diameter'])} circle"
        else:
            return False
        self.apply(f"{f['id']}: {what}", ops.replace_feature, f["id"], {k: v for k, v in f.items() if k != "id"} | {"at": at})
        return True

    def _relative_places(self, t: str) -> tuple[str, dict | None]:
        """'running along the 100 length': which way (the 100 is the part's, no size of the new feature); 'centre 30 to
        the right of the hole': the one placed hole there, 30 further along (its place from the left end). The words
        are blanked (same length: the numbers' places stay) and the place returned."""
        b = self.spec["body"]
        sizes = [float(b[k]) for k in ("length", "width", "height") if isinstance(b.get(k), (int, float))]
        for m in re.finditer(r"\b(?:along|across|parallel to|in line with)\s+the\s+(\d*\.?\d+)\s*(?:mm\s*)?(?:length|width|side|edge|"
                             r"direction|way|dimension)\b", t):
            if any(math.isclose(float(m.group(1)) * self.k, x, abs_tol=1e-6) for x in sizes):
                self.used.add(m.start(1))
                t = t[:m.start(1)] + " " * (m.end(1) - m.start(1)) + t[m.end(1):]
        rel = re.search(r"(?:\b(?:its\s+)?cent(?:er|re)\s+)?(?<![\d.])(\d*\.?\d+)\s*(?:mm\s*)?(?:to\s+the\s+)?(right|left)\s+of\s+"
                        r"(?:the\s+)?(?:(hole|bore|slot|pocket|boss)|it|that)\b", t)
        if rel is None or b.get("kind") != "box":
            return t, None
        kind = {"bore": "hole"}.get(rel.group(3) or "", rel.group(3))
        placed = [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "slot", "pocket", "boss")
                  and (kind is None or f["kind"] == kind)]
        if len(placed) != 1 or placed[0].get("on", "top") != "top":
            return t, None
        from ..part.plan import resolve_feature

        try:
            res = resolve_feature(self.spec, placed[0]["id"])
        except ValueError:
            return t, None
        if len(res.points) != 1 or abs(res.points[0][1]) > 1e-6:
            return t, None
        u = res.points[0][0] + float(rel.group(1)) * self.k * (1 if rel.group(2) == "right" else -1)
        dist = round(b["length"] / 2 + u, 6)
        if not 0 < dist < b["length"]:
            return t, None
        self.out.notes.append(f"{rel.group(1)} to the {rel.group(2)} of {placed[0]['id']}: {fmt(dist / self.k)} from the "
                              "left end")
        self.used.add(rel.start(1))
        return t[:rel.start()] + " " * (rel.end() - rel.start()) + t[rel.end():], {
            "kind": "from_edge", "edge": "left", "distance": dist}

    def mirror(self, kinds: list[str]) -> None:
        """'mirror the hole to the other side': one placed feature gets its mirror image across the part's middle, in the
        direction it sits off centre (or the one the words name); a centred one is its own mirror."""
        from ..part.plan import resolve_feature

        cands = [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "pocket", "slot", "boss")
                 and (not (set(kinds) - {"mirror"}) or f["kind"] in kinds or (f["kind"] == "hole" and "bore" in kinds))]
        singles = [f for f in cands if (f.get("at") or {"kind": "center"})["kind"] in ("at", "from_edge", "from_corner", "center")]
        if not singles and len(cands) == 1 and (cands[0].get("at") or {}).get("kind") in ("linear", "grid"):
            singles = cands       # "mirror the holes to the right end": a row or grid off the middle, every point mirrored
        if not singles:
            self.out.failed.append("mirroring is done for one placed hole, pocket, slot or boss (a copy on the other side); "
                                   "the whole part is not mirrored offline")
            return
        f = self.select("hole", singles)[-1] if singles[-1]["kind"] == "hole" else singles[-1]
        try:
            res = resolve_feature(self.spec, f["id"])
        except ValueError as exc:
            self.out.failed.append(f"where {f['id']} is could not be read ({_first_line(exc) if str(exc) else 'no place'})")
            return
        pts = [(round(u, 6), round(v, 6)) for u, v in res.points]
        words_u = re.search(r"\b(left|right|length|lengthwise|x)\b", self.t) or (
            re.search(r"\b(?:end|ends)\b", self.t) if f.get("on", "top") in ("top", "bottom") else None)
        # ("at the other end" of a tube's cross hole: along its axis, which is up its side face)
        words_v = re.search(r"\b(front|back|rear|width|across|y|top|bottom)\b", self.t)
        u0, v0 = pts[0]
        along_u = bool(words_u) if (words_u or words_v) else abs(u0) >= abs(v0)
        new = [(-u, v) if along_u else (u, -v) for u, v in pts]
        if all(math.isclose(a, b, abs_tol=1e-6) for p, q in zip(sorted(pts), sorted(new)) for a, b in zip(p, q)):
            self.out.failed.append(f"{f['id']} is on the centre line: its mirror image is itself")
            return
        at = {"kind": "at", "points": [list(p) for p in dict.fromkeys(pts + new)]}
        side = f.get("on", "top") in ("front", "back", "left", "right")
        way = ("end to end" if side and not along_u and self.spec["body"]["kind"] in ("cylinder", "tube", "shaft") else
               "top-bottom" if side and not along_u else "left-right" if along_u else "front-back")
        self.apply(f"{f['id']}: mirrored {way} ({len(at['points'])} now)",
                   ops.replace_feature, f["id"], {k: v for k, v in f.items() if k not in ("id", "at")} | {"at": at})

    def to_hex(self) -> None:
        """'make it hex instead, 10 across the flats': a round body becomes a hex prism of the same height (a tube's
        bore kept); across the flats as said, else the diameter it had (said)."""
        body = self.spec["body"]
        af = next((it for it in self.free() if it.role == "af" or re.match(r"\s*(?:mm\s*)?(?:across(?: the)? flats?|af\b|a/f)",
                                                                           self.t[it.num.end:])), None)
        dia = body.get("diameter") or body.get("outer_diameter")
        if af is None:
            v = dia
            self.out.notes.append(f"no size across the flats given: the diameter it had, {fmt(v)} mm")
        else:
            v = self.take(af)
        data = copy.deepcopy(self.spec)
        new = {"kind": "polygon_prism", "id": body.get("id", "body"), "sides": 6, "across_flats": v,
               "height": body["height"]}
        if body.get("name"):
            new["name"] = body["name"]
        if body["kind"] == "tube":
            new["bore"] = body["inner_diameter"]
        data["body"] = new
        self.apply(f"round → hex, {fmt(v)} across the flats" + (f", bore Ø{fmt(new['bore'])} kept" if "bore" in new else ""),
                   lambda s_, d=data: ops.parse(d))

    def holes_to_slots(self, holes_now: list[dict]) -> None:
        """'in the upright leg make those slots instead: 6.5 wide, 15 long, running along the length': each of those
        holes becomes a slot where it is (its pattern kept); the slot's length as said (asked if not), its width as
        said or the hole's diameter (said), running along the part's length unless said across."""
        picked = [h for h in self.select("hole", holes_now) if isinstance(h.get("size"), (int, float)) or _size_mm(h)]
        if not picked:
            self.out.failed.append("which holes to make slots")
            return
        long_ = next((it for it in self.free() if it.role in ("length",) or re.match(r"\s*(?:mm\s*)?(?:long|length)\b",
                                                                                     self.t[it.num.end:])), None)
        wide = next((it for it in self.free() if it is not long_ and (it.role == "width" or re.match(
            r"\s*(?:mm\s*)?(?:wide|width)\b", self.t[it.num.end:]))), None)
        if long_ is None:
            self.out.failed.append("how long the slots are (say e.g. 'make them slots 15 long')")
            return
        length = self.take(long_)
        across = re.search(r"\b(?:across|crosswise|sideways|the short way|the other way)\b", self.t)
        for h in picked:
            w = self.num_mm(wide) if wide is not None else _size_mm(h)
            if wide is None:
                self.out.notes.append(f"slot width {fmt(w)}: the diameter of {h['id']}")
            on = h.get("on", "top")
            along = 90.0 if on in ("left", "right") else 0.0
            angle = (90.0 - along) if across else along
            if not across and not re.search(r"\b(?:along|lengthwise|the long way|long way)\b", self.t):
                self.out.notes.append("the slots run along the part's length")
            g = {k: v for k, v in h.items() if k not in ("id", "kind", "size", "depth", "cbore", "csink")}
            g |= {"kind": "slot", "length": length, "width": w, "angle": angle}
            if isinstance(h.get("depth"), (int, float)):
                g["depth"] = h["depth"]
            self.apply(f"{h['id']}: holes → slots {fmt(length)} long x {fmt(w)} wide", ops.replace_feature, h["id"], g)
        if wide is not None:
            self.used.add(wide.num.start)
        for it in self.free():      # the holes' own size said again ('6.5 wide' already taken): nothing else
            if math.isclose(self.num_mm(it), _size_mm(picked[0]) or -1):
                self.used.add(it.num.start)

    def pocket_shape(self, f: dict) -> None:
        """'make the pocket a circle 40 dia', 'square pocket 30 instead': the pocket's outline changed where it is, its
        depth kept; the new size as said (asked if not)."""
        nums = [it for it in self.free() if not re.match(r"\s*(?:mm\s*)?deep\b", self.t[it.num.end:])]
        deep = [it for it in self.free() if re.match(r"\s*(?:mm\s*)?deep\b", self.t[it.num.end:])]
        g = {k: v for k, v in f.items() if k not in ("id", "shape", "length", "width", "diameter", "across_flats",
                                                      "corner_radius")}
        if deep:
            g["depth"] = self.take(deep[0])
        if re.search(r"\b(?:round|circular|a circle|cylindrical)\b(?!\s+(?:the|its|off|over|all|them|it|those|out)\b)", self.t):
            if len(nums) != 1:
                self.out.failed.append("the round pocket's diameter (say e.g. 'make the pocket round, 40 dia')")
                return
            g |= {"shape": "circle", "diameter": self.take(nums[0])}
            what = f"round, Ø{fmt(g['diameter'])}"
        else:
            if len(nums) not in (1, 2):
                self.out.failed.append("the pocket's size (say e.g. 'make the pocket square, 30')")
                return
            a = self.take(nums[0])
            bb = self.take(nums[1]) if len(nums) == 2 else a
            if len(nums) == 2 and re.search(r"\bsquare\b", self.t) and a != bb:
                self.out.failed.append(f"a square pocket {fmt(a)} x {fmt(bb)}: say one size")
                return
            g |= {"shape": "rect", "length": a, "width": bb}
            what = f"rectangular, {fmt(a)} x {fmt(bb)}"
        self.apply(f"{f['id']}: {what}" + (f", {fmt(g['depth'])} deep" if deep else ""), ops.replace_feature, f["id"], g)

    def between_two(self) -> bool:
        """'add a third one, same, midway between the two', 'one more slot same size exactly between the two': a copy of
        a pair's member at their midpoint (a row of two becomes a row of three at half the pitch), every size kept."""
        kind = next((k for w, k in (("slot", "slot"), ("pocket", "pocket"), ("boss", "boss"), ("hole", "hole"), ("bore", "hole"))
                     if re.search(rf"\b{w}s?\b", self.t)), None)
        pairs = []
        for f in self.spec.get("features", []):
            if f["kind"] not in ("hole", "slot", "pocket", "boss") or (kind and f["kind"] != kind):
                continue
            at = f.get("at") or {}
            if (at.get("kind") == "linear" and at.get("count") == 2) or (at.get("kind") == "at" and len(at.get("points") or []) == 2):
                pairs.append(f)
        if len(pairs) != 1 or not all(it.num.integer and int(it.num.value) in (1, 2, 3) and not it.num.unit
                                      for it in self.free()):      # ('one more', 'the two', 'a third': no sizes)
            return False
        f = pairs[0]
        at = f["at"]
        if at["kind"] == "linear":
            new = {**at, "count": 3, "spacing": at["spacing"] / 2}
        else:
            (u1, v1), (u2, v2) = at["points"]
            new = {**at, "points": [[u1, v1], [round((u1 + u2) / 2, 6), round((v1 + v2) / 2, 6)], [u2, v2]]}
        self.used.update(it.num.start for it in self.free())
        return self.apply(f"{f['id']}: one more midway between the two (3 now, every size kept)", ops.replace_feature,
                          f["id"], {k: v for k, v in f.items() if k not in ("id", "at")} | {"at": new})

    def to_round(self) -> None:
        """'make it round not hex, Ø7': a hex prism becomes a cylinder of the same height (a tube when it has a bore,
        the bore kept); the diameter as said, else asked (across the flats or the corners is no plain choice)."""
        body = self.spec["body"]
        dia = [it for it in self.free() if it.role in ("diameter", "od") or re.search(r"(?:Ø|\bdia\w*|\bod)\s*$",
                                                                                     self.t[:it.num.start]) or re.match(
            r"\s*(?:mm\s*)?(?:dia\w*|od|across|round)\b", self.t[it.num.end:])] or self.free()
        if len(dia) != 1:
            self.out.failed.append("the round diameter (say e.g. 'make it round, 8 dia')" if not dia else
                                   "which number is the round diameter (say e.g. 'make it round, 8 dia')")
            return
        if body.get("standard") or not isinstance(body.get("height"), (int, float)):
            self.out.failed.append("a standard nut is not made round offline; say the cylinder's sizes")
            return
        v = self.take(dia[0])
        data = copy.deepcopy(self.spec)
        new = {"kind": "cylinder", "id": body.get("id", "body"), "diameter": v, "height": body["height"]}
        if isinstance(body.get("bore"), (int, float)):
            new = {"kind": "tube", "id": body.get("id", "body"), "outer_diameter": v, "inner_diameter": body["bore"],
                   "height": body["height"]}
        if body.get("name"):
            new["name"] = body["name"]
        data["body"] = new
        self.apply(f"hex → round, Ø{fmt(v)}" + (f", bore Ø{fmt(body['bore'])} kept" if "bore" in body else ""),
                   lambda s_, d=data: ops.parse(d))

    def wrong_way(self, it, verb: str, way: int, old_v: float) -> None:
        """A size said with a verb that goes the other way for the part ('widen it to 10' on a 50 wide plate): the
        feature whose size does go that way (one slot or pocket 8 wide), else the edit is refused."""
        key = {"widen": "width", "narrow": "width", "thicken": "thickness", "raise": "height"}.get(verb, "length")
        v = self.num_mm(it)
        fits = [f for f in self.spec.get("features", []) if f["kind"] in ("slot", "pocket")
                and isinstance(f.get(key), (int, float)) and (v - f[key]) * way > 0]
        if len(fits) == 1:
            f = fits[0]
            self.take(it)
            self.apply(f"{f['id']}.{key} {fmt(f[key])} → {fmt(v)} (the part is {fmt(old_v)}: '{verb}' to {fmt(v)} is "
                       f"the {f['kind']}'s)", ops.set_parameter, f"{f['id']}.{key}", v)
            return
        self.take(it)
        self.out.failed.append(f"'{verb} to {it.num.text.strip()}' would make the part {fmt(v)} where it is "
                               f"{fmt(old_v)} now; say which feature, or the new size another way")

    def value_to(self) -> bool:
        """'change 100 to 120', 'holes 6->8', 'go from 4 holes to 6', 'the 100 should be 120', 'make the 6 mm holes 8':
        the size (or count) the part has that is the first number becomes the second. Refused when the first number is
        none of the part's, or more than one of them and the words do not say which. True when it answered."""
        m = VALUE_TO.search(self.t)
        nums = {it.num.start: it for it in self.tagging.items}     # 'from 100' was put aside as said: it is the key here
        a, b = nums.get(m.start("a")), nums.get(m.start("b"))
        if b is not None and b.num.start in self.used:
            return False
        if a is None or b is None:
            return False
        va, vb = self.num_mm(a), self.num_mm(b)
        body = self.spec["body"]
        named = m.group("what") or ""
        after = re.match(r"\s*(?:mm\s*)?(long|wide|thick|tall|high|deep|dia\w*|holes?|bores?)\b", self.t[m.end():])
        if not named and after:
            # "5 -> 8 thick", "6 to 8 holes": the word after the new value says which
            named = {"long": "length", "wide": "width", "thick": "thickness", "tall": "height", "high": "height",
                     "deep": "height"}.get(after.group(1), "hole" if after.group(1).startswith(("hole", "bore")) else
                                           "diameter" if after.group(1).startswith("dia") else after.group(1))
        holes = self.feats("hole")
        cands = [("body", p) for p in _dims(body) if math.isclose(float(body[p]), va, rel_tol=1e-6, abs_tol=1e-6)]
        cands += [("size", f["id"]) for f in holes if isinstance(f.get("size"), (int, float))
                  and math.isclose(f["size"], va, rel_tol=1e-6)]
        if a.num.integer:
            cands += [("count", f["id"]) for f in holes if _count(f.get("at") or {}) == int(va)]
        if re.search(r"\bfrom\s+[\d.]+\s+holes?\b|\b[\d.]+\s+holes?\s+(?:to|->)", m.group(0)):
            cands = [c for c in cands if c[0] == "count"]            # "go from 4 holes to 6"
        elif named.startswith(("hole", "bore")):
            cands = [c for c in cands if c[0] == "size"]             # "holes 6->8"
        elif named:
            paths = {p for p, _ in _paths(body, ADJ.get(named, named), self.t)}
            cands = [c for c in cands if c[0] == "body" and c[1] in paths]    # "thickness from 8 to 10"
        if len(cands) != 1:
            if not cands:
                return False
            self.out.failed.append(f"{fmt(va)} is more than one size of this part ({', '.join(c[1] + ('' if c[0] == 'body' else ' ' + c[0]) for c in cands)}); say which")
            return True
        self.used.update({a.num.start, b.num.start})
        where, name = cands[0]
        if where == "body":
            self.apply(f"{name} {fmt(va)} → {fmt(vb)}", ops.set_parameter, f"{body.get('id', 'body')}.{name}", vb)
        elif where == "size":
            f = next(g for g in holes if g["id"] == name)
            self.apply(f"{name}: Ø{fmt(va)} → Ø{fmt(vb)}", ops.replace_feature, name,
                       {k: v for k, v in f.items() if k != "id"} | {"size": vb})
        else:
            if not b.num.integer:
                # "drop those four holes to 5.5": the count names the holes; the new number is their size
                self.used.discard(b.num.start)
                return False
            self.t = self.t[:m.start()] + f" make it {int(vb)} holes " + self.t[m.end():]
            self.tagging = tag(self.t)
            self.used = set()
            self.change_holes([f for f in holes if f["id"] == name])
        return True

    def split_member(self, f: dict, where: str) -> bool:
        """'make the left slot 40 long' of a pattern of two: that copy becomes a feature of its own (the others stay
        one), and the edit goes to it alone (said)."""
        from ..part.plan import resolve_feature

        try:
            res = resolve_feature(self.spec, f["id"])
        except ValueError:
            return False
        pts = [(round(u, 6), round(v, 6)) for u, v in res.points]
        if len(pts) < 2:
            return False
        if where in ("left", "right"):
            us = sorted(u for u, _ in pts)
            if us[0] == us[1] and where == "left" or us[-1] == us[-2] and where == "right":
                return False                       # two copies equally far left: which is not said
            i = min(range(len(pts)), key=lambda j: pts[j][0]) if where == "left" else max(range(len(pts)),
                                                                                       key=lambda j: pts[j][0])
        elif where in ("middle", "centre", "center", "central"):
            # "the middle one" of a row of three: the one nearest their middle, when exactly one is
            cx, cy = sum(u for u, _ in pts) / len(pts), sum(v for _, v in pts) / len(pts)
            d = [math.hypot(u - cx, v - cy) for u, v in pts]
            i = min(range(len(pts)), key=lambda j: d[j])
            if sum(math.isclose(x, d[i], abs_tol=1e-6) for x in d) != 1:
                return False
        elif where in ("outer", "outside", "inner"):
            # "the outer two" of a row: its two ends (the inner ones: the rest)
            axis = 0 if max(u for u, _ in pts) - min(u for u, _ in pts) >= max(v for _, v in pts) - min(v for _, v in pts) else 1
            order = sorted(range(len(pts)), key=lambda j: pts[j][axis])
            ends = {order[0], order[-1]}
            if len(pts) < 3 or pts[order[0]][axis] == pts[order[1]][axis] or pts[order[-1]][axis] == pts[order[-2]][axis]:
                return False
            picked = ends if where != "inner" else set(range(len(pts))) - ends
            return self._split_off(f, pts, sorted(picked), where)
        else:
            i = {"first": 0, "second": 1, "third": 2}[where]
            if i >= len(pts):
                return False
        return self._split_off(f, pts, [i], where)

    def _middle_feature(self, feats: list[dict]) -> str | None:
        """The id of the one feature among ``feats`` placed nearest the middle of all their places (a single place)."""
        from ..part.plan import resolve_dict

        try:
            places = [(r.feature.id, (u, v)) for r in resolve_dict(self.spec) for u, v in r.points
                      if r.feature.id in {f["id"] for f in feats}]
        except ValueError:
            return None
        if len(places) < 3:
            return None
        cx = sum(p[0] for _, p in places) / len(places)
        cy = sum(p[1] for _, p in places) / len(places)
        d = sorted((math.hypot(p[0] - cx, p[1] - cy), fid) for fid, p in places)
        if math.isclose(d[0][0], d[1][0], abs_tol=1e-6) or sum(fid == d[0][1] for fid, _ in places) != 1:
            return None
        return d[0][1]

    def _split_off(self, f: dict, pts: list, picked: list[int], where: str) -> bool:
        """The copies ``picked`` of the pattern ``f`` made a feature of their own; the edit goes to them alone."""
        rest = [list(p) for j, p in enumerate(pts) if j not in picked]
        base = {k: v for k, v in f.items() if k not in ("id", "at")}
        new_id = f"{f['id']}_{where}"
        data = copy.deepcopy(self.spec)
        k = next(j for j, g in enumerate(data["features"]) if g["id"] == f["id"])
        data["features"][k] = {"id": f["id"], **base, "at": {"kind": "at", "points": rest}}
        data["features"].insert(k + 1, {"id": new_id, **base, "at": {"kind": "at", "points": [list(pts[i]) for i in picked]}})
        try:
            self.spec = _plain(ops.parse(data))
        except ValueError:
            return False
        self.out.notes.append(f"the {where} {f['kind']}{'s' if len(picked) > 1 else ''} made a feature of its own ({new_id}); "
                              "the others stay as they were")
        self.only = new_id
        return True

    def inventory(self) -> str:
        body = self.spec["body"]
        feats = [f["kind"] for f in self.spec.get("features", [])]
        return ", ".join([body["kind"].replace("_", " ")] + sorted(set(feats)))

    def same_wall(self) -> None:
        """'make it 60 across, same wall' on a tube: the bore follows the outside (or the outside the bore) so the wall
        stays what it was; the kept wall had been said while the bore stayed and the wall grew."""
        b0, b = self.start["body"], self.spec["body"]
        if b["kind"] != "tube" or b0["kind"] != "tube" or self.out.failed or not any(
                n.startswith("kept as it is") and re.search(r"\bwalls?\b", n) for n in self.out.notes):
            return
        wall = (b0["outer_diameter"] - b0["inner_diameter"]) / 2
        od_moved = not math.isclose(b["outer_diameter"], b0["outer_diameter"])
        id_moved = not math.isclose(b["inner_diameter"], b0["inner_diameter"])
        if od_moved == id_moved:
            return
        key, v = ("inner_diameter", b["outer_diameter"] - 2 * wall) if od_moved else \
            ("outer_diameter", b["inner_diameter"] + 2 * wall)
        self.apply(f"{key.replace('_', ' ')} {fmt(b[key])} → {fmt(v)} (the {fmt(wall)} mm wall kept)", ops.set_parameter,
                   f"{b.get('id', 'body')}.{key}", round(v, 6))

    def asked(self, pattern) -> bool:
        """Does ``pattern`` match outside what the words keep ('keep the holes 50 apart' asks nothing of the holes)?"""
        return any(not any(a <= m.start() < b for a, b in getattr(self, "kept_spans", [])) for m in pattern.finditer(self.t))

    def keep_from_ends(self) -> None:
        """'make it 15 cm long, holes still 3 cm in from the ends': each feature named set that far from the ends (or
        edges, or corners) of the part as it now is: a row spread along its axis, corner holes set in, a hole placed from
        an edge moved; said. A place that distance does not describe is refused."""
        from ..part.plan import resolve_dict

        for what, d, ref in self.stays:
            kind = FEATURE_KIND.get(what.rstrip("s"), "hole")
            feats = self.select(kind, self.feats(kind))
            try:
                frames = {r.feature.id: r.frame for r in resolve_dict(self.spec) if r.frame is not None}
            except ValueError as exc:
                self.out.failed.append(f"where the {what} go: {_first_line(exc)}")
                return
            for f in feats:
                at, fr = f.get("at") or {"kind": "center"}, frames.get(f["id"])
                g = {x: y for x, y in f.items() if x != "id"}
                if at["kind"] == "corners":
                    g["at"] = {"kind": "corners", "inset": d}
                elif at["kind"] == "linear" and fr is not None and (at.get("count") or 0) >= 2:
                    half = fr.half[0] if at.get("axis", "u") == "u" else fr.half[1]
                    span = 2 * half - 2 * d
                    if span <= 0:
                        self.out.failed.append(f"{f['id']} {fmt(d)} mm from each end: the part is too short for that")
                        return
                    cu, cv = at.get("center") or (0.0, 0.0)
                    g["at"] = {k_: v_ for k_, v_ in at.items() if k_ not in ("spacing", "span", "center")} | {
                        "spacing": round(span / (at["count"] - 1), 6),
                        "center": [0.0, cv] if at.get("axis", "u") == "u" else [cu, 0.0]}
                elif at["kind"] == "from_edge":
                    g["at"] = {**at, "distance": d}
                else:
                    self.out.failed.append(f"{f['id']} is not placed from the ends ({at['kind'].replace('_', ' ')}); say "
                                           "where it goes")
                    return
                if g["at"] == at:
                    self.out.notes.append(f"{f['id']} already {fmt(d)} mm from the {ref}")
                    continue
                self.apply(f"{f['id']}: {fmt(d)} mm from the {ref}", ops.replace_feature, f["id"], g)

    def finish(self) -> EditResult:
        if (FLOOR_KEPT.search(self.said) or any(n.startswith("kept as it is") and re.search(r"\b(?:bottom|floor|base)\b", n)
                                                for n in self.out.notes)) and self.spec is not None and self.spec != self.start:
            # "walls 4 thick, outside stays, floor stays": the floor said to stay (taken out of the reading) put back
            r = EditResult(self.spec, done=self.out.done, notes=[], failed=self.out.failed)
            _floor_kept(r, self.start)
            self.spec = r.spec
        for f in [f for f in self.spec.get("features", []) if getattr(self, "edge_of", None) and f["kind"] in (
                "fillet", "chamfer") and f.get("edges") == "holes" and not f.get("of") and f not in self.start.get(
                "features", [])]:
            self.apply(f"{f['id']}: on the rims of {self.edge_of} only", ops.replace_feature, f["id"],
                       {**{k: v for k, v in f.items() if k != "id"}, "of": self.edge_of})
        if getattr(self, "stays", None) and self.out.done and not self.out.failed:
            self.keep_from_ends()
            self.stays = []
        self.same_wall()
        leftover = [it.num.text.strip() for it in self.free()]
        said = " ".join(self.out.done) + " " + str(self.start) + " " + str(self.spec)
        for m in M_SIZE.finditer(self.t):
            try:
                drills = {tables.tap_drill(f"M{m.group(1)}"), *(tables.clearance(f"M{m.group(1)}", fit) for fit in
                                                                  ("fine", "normal", "coarse"))}
            except KeyError:
                drills = set()
            if any(f"→ {fmt(d)}" in said or f"size {fmt(d)}" in said for d in drills):
                continue       # "tap it M4, so drop the hole to 3.3": the reason for the size given
            if self.out.done and not self.out.failed and f"M{m.group(1)} " not in said:
                # a screw size named and placed nowhere: the edit without it is not what was asked
                self.out.failed.append(f"I did not see where 'M{m.group(1)}' goes here (say e.g. 'holes M{m.group(1)}')")
        how = re.search(r"\b(bigger|larger|smaller|wider|narrower|longer|shorter|deeper|shallower|thicker|thinner|taller|"
                        r"higher|lower)\b", self.t)
        if not self.out.done and not self.out.failed and how and not self.tagging.items:
            # "make it longer", "a bit taller": how much is not guessed
            self.out.failed.append(f"'{how.group(1)}' with no size: I do not guess how much; say the new size (e.g. "
                                   f"'make it 120 long') or by how much (e.g. '10 mm {how.group(1)}')")
        if not self.out.done and not self.out.failed:
            self.out.failed.append("no change I could read in these words (sizes: 'make it 10 mm longer', "
                                   "'holes 6 mm'; features: 'add a 2 mm chamfer on the top edges', 'remove the fillets')")
        elif leftover and not self.out.failed:
            # a number the part already has ("6 thick not 8", "stay 8 deep") is said, not asked; any other
            # number left over is a size I did not place: the edit without it would not be what was asked
            known = _numbers(self.start) | _numbers(self.spec) | {
                float(_count(f.get("at") or {}) or 1) for f in self.start.get("features", []) + self.spec.get("features", [])}
            unknown = [it for it in self.free() if not any(math.isclose(x, v, rel_tol=1e-6, abs_tol=1e-6) for x in
                                                           (it.num.value, self.num_mm(it)) for v in known)
                       or re.match(r"\s*(?:mm|cm|in|\")?\s*(?:in\s+)?from\s+the\b", self.t[it.num.end:])]
            # ("35 from the left end and 35 from the right end" of a 60 block: a second place, not the same number)
            if any("assumed" in n for n in self.out.notes) or self.no_change():
                unknown = self.free()     # a size assumed, or nothing changed, while a number was written: it was meant
            if unknown:
                self.out.failed.append("I did not see what " + ", ".join(repr(it.num.text.strip()) for it in unknown)
                                       + " is for here (say e.g. 'holes 6 mm', 'make it 10 mm longer')")
            else:
                self.out.notes.append("numbers not used (the part already has them): " + ", ".join(leftover))
        self.unit_check()
        unsized = next((n for n in self.out.notes if re.match(r"no diameter for the [\w ]+? given", n)), None)
        if unsized and any(d.startswith("added ") for d in self.out.done) and not self.out.failed:
            # "add a counterbore": a new hole whose size the words do not give is not what was asked (as for a new part)
            self.out.failed.append(f"{unsized.split(':')[0]} (say e.g. 'add an 8 mm hole in the middle')")
        if self.out.done and not self.out.failed:
            for m in FROM_WHAT.finditer(self.t):
                w = m.group(2)
                if w not in PLACE_WORDS and w.rstrip("s") not in PLACE_WORDS and not find("features", w) and not find(
                        "edge_sets", w) and not find("bodies", w):
                    # "4 holes in the corners, 12 from the wobble": a distance from something I do not know (the 12 was
                    # made the holes' size)
                    self.out.failed.append(f"I did not see what '{m.group(0).strip()}' is measured from (say e.g. '12 from "
                                           "the edges', '12 from the left end')")
                    break
        if self.out.done and not self.out.failed:
            self.unread_action()
        self.out.spec = self.spec if self.out.done else None
        return self.out

    def unread_action(self) -> None:
        """A word the edit does not know where an action or a thing to add goes ('make it 120 long and add a ledge',
        'taper the sides', 'extrude a 20 mm post'): the part without it is not what was asked, so the edit is refused.
        Other unknown words are said."""
        from .request import unknown_words
        from .spelling import edit_words

        known = edit_words() | _pattern_words()
        unknown = [w for w in unknown_words(self.t) if w not in known and w.rstrip("s") not in known
                   and re.sub(r"'s$", "", w) not in known and find("features", re.sub(r"'s$", "", w)) == []]
        if not unknown:
            return
        # a sentence with no number, no feature and no edit verb in it ("sorry, cat on the keyboard.") is talk
        talk = [x for x in re.split(r"(?<=[.!?])\s+", self.t) if not re.search(r"\d", x) and not FEATURE_WORD.search(x)
                and not ADD_VERB.search(x) and not REMOVE.search(x) and not re.search(
                    r"\b(?:make|change|set|move|fillet|chamfer|round|shell|mirror|swap)\b", x)]
        lead = (r"(?:^|[,;.:!?]\s*|\b(?:and|then|also|now|please|pls|plz)\s+)(?:(?:can|could|would|will) you\s+|"
                r"i (?:want|need|would like) (?:you )?to\s+|let'?s\s+|please\s+|also\s+|just\s+)*")
        added = ADD_VERB.pattern + r"\s+(?:(?:a|an|some|another|the|one|two|three|four|more|extra|small|big|little|"
        added += r"[\d./]+\s*(?:mm|cm|in|x|by|deg(?:ree)?s?|°)?)\s+)*"
        acts = [w for w in unknown if (re.search(lead + re.escape(w) + r"\b", self.t)
                or re.search(added + re.escape(w) + r"\b", self.t))
                and not any(re.search(rf"\b{re.escape(w)}\b", x) for x in talk)]
        if acts:
            self.out.failed.append("I do not know what " + ", ".join(repr(w) for w in acts) + " asks for here (the part "
                                   "without it would not be what you asked); say it with the features I build (holes, "
                                   "slots, pockets, bosses, fillets, chamfers, a shell, sizes)")
        else:
            self.out.notes.append("not understood: " + ", ".join(repr(w) for w in unknown))

    def no_change(self) -> bool:
        """Is the edited spec the one it started from (every change done was to what it already was)?"""
        try:
            return _plain(ops.parse(self.start)) == _plain(ops.parse(self.spec))
        except ValueError:
            return False

    def unit_check(self) -> None:
        """A bare number follows the conversation's unit; where that reading makes the part many times its size
        ('make it 100 long' on a 4 inch plate: 2540 mm), the number was most likely meant in mm: asked, not built."""
        if not self.out.done or self.out.failed:
            return
        bare = [it for it in self.tagging.items if it.num.start in self.used and not it.num.unit]
        odd = next((it for it in bare if "/" in it.num.text and not is_inch_fraction(it.num)
                    and not FRACTION_OF.search(self.t) and not FRACTION_TO.search(self.t)), None)
        if odd is not None:
            # "make the height 2/3": a fraction of the size, not 0.67 mm
            self.out.failed.append(f"'{odd.num.text.strip()}' as a size would be {fmt(self.num_mm(odd))} mm; for a fraction "
                                   f"of the size say e.g. '{odd.num.text.strip()} of the height'")
            return
        if self.k == 1.0:
            return
        grew = [(float(self.start["body"][p]), float(self.spec["body"][p])) for p in _dims(self.start["body"])
                if isinstance(self.spec["body"].get(p), (int, float)) and float(self.start["body"][p]) > 0]
        before, after = max(grew, key=lambda ba: ba[1] / ba[0], default=(0.0, 0.0))
        if bare and before > 0 and after >= 8 * before:
            unit = self.spec.get("units", "in")
            n = bare[0].num.text.strip()
            self.out.failed.append(f"'{n}' read in {'inches' if unit == 'in' else unit} (the unit this part was asked in) "
                                   f"turns {fmt(before)} mm into {fmt(after)} mm, "
                                   f"{after / before:.0f} times its size now; write the unit ('{n} mm' or '{n} {unit}')")

    def rotate(self) -> None:
        """'rotate the holes 45 degrees': a bolt circle's start angle; nothing else turns."""
        deg = next((it for it in self.free() if it.role == "angle" or re.match(r"^\s*(?:deg|degrees?|°)", self.t[it.num.end:])),
                   None) or next(iter(self.free()), None)
        circles = [f for f in self.feats("hole") if (f.get("at") or {}).get("kind") == "bolt_circle"]
        if not circles or deg is None:
            self.out.failed.append("turning is only done for holes on a bolt circle (their start angle); "
                                   "the part itself is not turned offline")
            return
        f = circles[-1]
        self.used.add(deg.num.start)
        a = (f["at"].get("start_angle", 0.0) + deg.num.value) % 360
        self.apply(f"{f['id']}: turned to start at {fmt(a)}°", ops.set_parameter, f"{f['id']}.at.start_angle", a)

    def feature_delta(self, delta: float, words: str | None = None, how: str = "") -> bool:
        """'holes 2 mm bigger', 'make the fillets smaller by 1': the named feature's size, not the part's."""
        w = words or self.t
        m = re.search(r"\b(holes?|bores?|fillets?|rounds?|chamfers?|bevels?|walls?|slots?|pockets?|hubs?|boss(?:es)?)\b",
                      w)
        if not m:
            return False
        word = "boss" if m.group(1).startswith("boss") else m.group(1).rstrip("s")
        kind = {"hole": "hole", "bore": "hole", "fillet": "fillet", "round": "fillet", "chamfer": "chamfer",
                "bevel": "chamfer", "wall": "shell", "slot": "slot", "pocket": "pocket", "hub": "boss",
                "boss": "boss"}[word]
        feats = self.select(kind, self.feats(kind))
        if kind == "boss":
            # "hub 10 mm taller", "make the boss 5 mm bigger": its height, or its diameter
            key = "diameter" if how in ("bigger", "larger", "smaller", "wider", "narrower") else "height"
            if not feats:
                self.out.failed.append("there is no hub or boss to change")
                return True
            f = feats[-1]
            if not isinstance(f.get(key), (int, float)):
                self.out.failed.append(f"{f['id']} has no {key} to change")
                return True
            self.apply(f"{f['id']}.{key} {fmt(f[key])} → {fmt(f[key] + delta)}", ops.set_parameter,
                       f"{f['id']}.{key}", round(f[key] + delta, 6))
            return True
        if kind in ("slot", "pocket"):
            # "lengthen the slot by 10", "make the pocket 5 mm deeper": the field the verb or word names
            f_ = re.search(r"\b(length|lengthen|longer|shorten|shorter|width|widen|wider|narrow|narrower|depth|deepen|"
                           r"deeper|shallower)\b", self.t)
            key = {"l": "length", "s": "length", "w": "width", "n": "width", "d": "depth"}.get(
                f_.group(1)[0] if f_ else "", None)
            if f_ and f_.group(1) == "shallower":
                key = "depth"
            around = re.search(r"\b(all (?:the way )?a?round|on (?:all|every|each) sides?|each side|per side|(?:each|both) ways?|"
                               r"in (?:both|each) directions?)\b", self.t)
            if feats and key is None and around and how in ("bigger", "larger", "smaller", "wider", "narrower"):
                # "make the pocket 10 bigger all round": every side out by 10 (its length and width 20 more); "each way":
                # its length and width 10 more each; the depth kept
                f = feats[-1]
                step = 2 * delta if re.match(r"all|on|each side|per side", around.group(1)) else delta
                keys = [k_ for k_ in ("length", "width", "diameter") if isinstance(f.get(k_), (int, float))]
                if not keys:
                    self.out.failed.append(f"{f['id']} has no outline size to change")
                    return True
                g = {k_: v_ for k_, v_ in f.items() if k_ != "id"} | {k_: round(f[k_] + step, 6) for k_ in keys}
                self.apply(f"{f['id']}: " + ", ".join(f"{k_} {fmt(f[k_])} → {fmt(g[k_])}" for k_ in keys)
                           + f" ({fmt(abs(delta))} mm {around.group(1)})", ops.replace_feature, f["id"], g)
                return True
            if not feats or key is None:
                self.out.failed.append(f"there is no {kind} to change" if not feats else
                                       f"which size of the {kind} to change (its length, width or depth)")
                return True
            f = feats[-1]
            old = f.get(key)
            if not isinstance(old, (int, float)):
                self.out.failed.append(f"{f['id']} has no {key} set (it goes through); give its new {key}")
                return True
            self.apply(f"{f['id']}.{key} {fmt(old)} → {fmt(old + delta)}", ops.set_parameter, f"{f['id']}.{key}",
                       round(old + delta, 6))
            return True
        feats = self.feats(kind) if kind != "hole" else feats
        body = self.spec["body"]
        if kind == "hole" and how in ("deeper", "shallower") and feats:
            for f in feats:
                if not isinstance(f.get("depth"), (int, float)):
                    self.out.failed.append(f"{f['id']} goes through; give its depth (e.g. 'make the hole 10 deep')")
                    continue
                self.apply(f"{f['id']}.depth {fmt(f['depth'])} → {fmt(f['depth'] + delta)}", ops.set_parameter,
                           f"{f['id']}.depth", round(f["depth"] + delta, 6))
            return True
        if not feats and body["kind"] == "tube" and kind in ("hole", "shell"):
            # a tube's bore is its inner diameter; its wall is half the difference
            self.change("inner", "add", delta if kind == "hole" else -2 * delta)
            return True
        if not feats:
            self.out.failed.append(f"there is no {kind} to change")
            return True
        key = {"hole": "size", "fillet": "radius", "chamfer": "size", "shell": "thickness"}[kind]
        for f in feats:
            old = f.get(key)
            if not isinstance(old, (int, float)):
                self.out.failed.append(f"{f['id']} is sized by a table ({old}); give its new size")
                continue
            self.apply(f"{f['id']}.{key} {fmt(old)} → {fmt(old + delta)}", ops.set_parameter, f"{f['id']}.{key}",
                       round(old + delta, 6))
        return True

    def kept_kinds(self) -> set[str]:
        """The features said to stay as they are ('hole stays 10', 'keep the fillets', 'same bore'), by kind."""
        out = set()
        for m in STAYS.finditer(self.t):
            w = (m.group(1) or m.group(2)).rstrip("s")
            out.add({"bore": "hole", "round": "fillet", "bevel": "chamfer", "wall": "shell"}.get(w, w))
        return out

    def feature_scale(self, f: float) -> bool:
        """'make the bore 30% bigger', 'the holes twice as big', 'halve the fillets': the named feature's size
        scaled, not the whole part. False where no feature is named (or the whole part is)."""
        kept = self.kept_kinds()
        m = next((x for x in FEATURE_WORD.finditer(self.t) if {"bore": "hole", "round": "fillet", "bevel": "chamfer",
                                                                "wall": "shell"}.get(x.group(1).rstrip("s"),
                                                                                     x.group(1).rstrip("s")) not in kept),
                 None)
        if not m or re.search(r"\b(?:whole|everything|entire|all of it|the part|the lot)\b", self.t):
            return False
        word = m.group(1).rstrip("s")
        kind = {"hole": "hole", "bore": "bore", "fillet": "fillet", "round": "fillet", "chamfer": "chamfer",
                "bevel": "chamfer", "wall": "shell", "counterbore": "hole", "countersink": "hole"}.get(word)
        if kind is None:
            return False
        feats = self.select(kind, self.feats(kind))
        body = self.spec["body"]
        if not feats and kind in ("hole", "bore") and (body["kind"] == "tube" or isinstance(body.get("bore"), (int, float))):
            self.change("inner", "scale", f)     # a tube's bore is its inner diameter
            return True
        if not feats:
            self.out.failed.append(f"there is no {m.group(1).rstrip('s')} to change")
            return True
        key = {"hole": "size", "bore": "size", "fillet": "radius", "chamfer": "size", "shell": "thickness"}[kind]
        for g in feats:
            old = g.get(key)
            if not isinstance(old, (int, float)):
                self.out.failed.append(f"{g['id']} is sized by a table ({old}); give its new size")
                continue
            new = round(old * f, 6)
            self.apply(f"{g['id']}.{key} {fmt(old)} → {fmt(new)} (x{fmt(f)})", ops.set_parameter, f"{g['id']}.{key}", new)
        return True

    def only_one_hole(self) -> bool:
        """'just one hole', 'take out the other two': of several single holes the first is kept (said), the rest go."""
        holes = [f for f in self.spec.get("features", []) if f["kind"] == "hole"]
        single = all((f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT and len((f.get("at") or {}).get("points") or [0]) == 1
                     for f in holes)
        m = ONLY_ONE.search(self.t)
        other = m.group(1)
        if not holes or not single:
            return False
        if len(holes) == 1:
            self.out.done.append(f"{holes[0]['id']} is already the one hole")
            return True
        if other and {"two": 2, "2": 2, "three": 3, "3": 3, "ones": len(holes) - 1}.get(other) != len(holes) - 1:
            return False
        for f in holes[1:]:
            self.apply(f"removed {f['id']} (hole)", ops.remove_feature, f["id"])
        self.out.notes.append(f"the one kept is {holes[0]['id']}, the first made")
        return True

    def axial_other_end(self) -> bool:
        """'same keyway again on the other end', 'another groove at the other end': the one keyway, flat or groove along a
        round part copied to the same place measured from the other end."""
        m = AXIAL_OTHER_END.search(self.t)
        kind = (m.group(1) or "").rstrip("s") or None
        axial = [f for f in self.spec.get("features", []) if f["kind"] in ("keyway", "flat", "groove")
                 and (kind is None or f["kind"] == kind)]
        if len(axial) != 1 or (kind is None and len(self.spec.get("features", [])) != 1) or self.free():
            return False
        f = axial[0]
        body = self.spec["body"]
        total = sum(s_["length"] for s_ in body["sections"]) if isinstance(body.get("sections"), list) else _height(body)
        z = round(total - f.get("z", 0.0) - f["length"], 6)
        if math.isclose(z, f.get("z", 0.0), abs_tol=1e-6):
            self.out.failed.append(f"{f['id']} is in the middle: at the other end it would be itself")
            return True
        ids = {g["id"] for g in self.spec.get("features", [])}
        new_id = next(f"{f['id']}_{i}" for i in range(2, 99) if f"{f['id']}_{i}" not in ids)
        g = {k: v for k, v in f.items() if k != "id"} | {"id": new_id, "z": z}
        self.apply(f"added {new_id}: {f['kind']} like {f['id']}, {fmt(z)} mm up from the bottom end (the same place from "
                   "the other end)", ops.add_feature, g)
        return True

    def grid_from_edges(self) -> bool:
        """'move the holes out so the centres sit 8 from the edges': a grid of holes on a block's top spread (or drawn in)
        so its outer holes are that far from the edges (both ways; 'from the ends' / 'from the long edges' one way)."""
        m = re.search(r"([\d.]+)\s*(?:mm\s*)?(?:in\s+)?from\s+(?:the\s+|all\s+(?:the\s+)?|each\s+|every\s+)?(?:4\s+|four\s+)?"
                      r"(edges|sides|ends|long edges|long sides)\b", self.t)
        kind = "slot" if re.search(r"\bslots?\b", self.t) else "hole"
        grids = [h for h in self.feats(kind) if (h.get("at") or {}).get("kind") in ("grid", "linear")
                 and h.get("on", "top") == "top" and not any((h.get("at") or {}).get("center") or [])]
        body = self.spec["body"]
        it = next((i for i in self.free() if m and i.num.start == m.start(1)), None)
        if not m or len(grids) != 1 or it is None or body["kind"] not in ("box", "rounded_rect") or len(self.free()) != 1:
            return False
        f = grids[0]
        at = f["at"]
        if at["kind"] == "linear":      # a row: along its axis ('u' along the length)
            axis = 1 if at.get("axis") == "v" else 0
            counts = [at["count"], 1] if axis == 0 else [1, at["count"]]
            spacing = [float(at.get("spacing") or 0.0)] * 2
        else:
            counts, spacing = at["counts"], _pair(at.get("spacing"))
        d = self.take(it)
        axes = {"edges": (0, 1), "sides": (0, 1), "ends": (0,), "long edges": (1,), "long sides": (1,)}[m.group(2)]
        new = list(spacing)
        for a in axes:
            if counts[a] > 1:
                new[a] = ((body["length"], body["width"])[a] - 2 * d) / (counts[a] - 1)
        if not any(counts[a] > 1 for a in axes):
            return False
        if any(x <= 0 for x in new):
            self.out.failed.append(f"{kind}s {fmt(d)} mm from the {m.group(2)} do not fit on the part")
            return True
        if at["kind"] == "linear":
            v = new[1 if at.get("axis") == "v" else 0]
            self.apply(f"{f['id']}: centres {fmt(d)} mm from the {m.group(2)} ({at['count']} in a row, {fmt(v)} apart)",
                       ops.set_parameter, f"{f['id']}.at.spacing", v)
            return True
        self.apply(f"{f['id']}: centres {fmt(d)} mm from the {m.group(2)} ({counts[0]} x {counts[1]} on {fmt(new[0])} x "
                   f"{fmt(new[1])} centres)", ops.set_parameter, f"{f['id']}.at.spacing", new)
        return True

    def move_in_out(self, mv) -> None:
        """'move them 12 mm in' (12 in from the corners), 'move the holes in by 5' / '5 mm further in'
        (5 more): corner holes' inset; nothing else has an 'in'."""
        corner = [h for h in self.feats("hole") if (h.get("at") or {}).get("kind") == "corners"]
        ends = re.search(r"([\d.]+)\s*(?:mm\s*)?(?:in\s+)?from the (ends|sides|long edges|edges)\b", self.t)
        pts = [h for h in self.feats("hole") if (h.get("at") or {}).get("kind") == "at" and h.get("on", "top") == "top"]
        if not corner and ends and len(pts) == 1 and self.spec["body"]["kind"] == "box":
            # "move the holes in so they're 15 from the ends": points given from the corner, each set that far in
            f, body = pts[0], self.spec["body"]
            it = next((i for i in self.free() if i.num.start == ends.start(1)), None)
            if it is None:
                self.out.failed.append("how far from the ends (e.g. 'move the holes in so they are 15 from the ends')")
                return
            d = self.take(it)
            axis = 0 if ends.group(2) == "ends" else 1
            half = (body["length"] if axis == 0 else body["width"]) / 2
            new = [[(math.copysign(half - d, p[0]) if axis == 0 and p[0] else p[0]),
                    (math.copysign(half - d, p[1]) if axis == 1 and p[1] else p[1])] for p in f["at"]["points"]]
            self.apply(f"{f['id']}: {fmt(d)} mm from the {ends.group(2)}", ops.replace_feature, f["id"],
                       {k: v for k, v in f.items() if k not in ("id", "at")} | {"at": {"kind": "at", "points": new}})
            return
        to_ends = next(((i, m_) for i in self.free() if re.search(r"\bto\s*$", self.t[:i.num.start]) for m_ in [re.match(
            r"\s*(?:mm|cm|in|inch(?:es)?|\")?\s*(?:in\s+)?from\s+(?:the\s+|each\s+|both\s+)?(ends?|edges?|sides?)\b",
            self.t[i.num.end:])] if m_), None)
        if to_ends is not None and not corner:
            # "move the counterbored holes in to 1-1/2\" from the ends": a row spread (or a hole placed) that far in
            self.stays = [("holes", self.take(to_ends[0]), to_ends[1].group(1))]
            self.keep_from_ends()
            self.stays = []
            return
        edge = [h for h in self.feats("hole") if (h.get("at") or {}).get("kind") == "from_edge"]
        if not corner and len(edge) == 1 and len(self.free()) == 1:
            # "move that hole 10 mm further in": a hole placed from an edge, that much further from it (out: nearer)
            f, it = edge[0], self.free()[0]
            v = self.take(it)
            d = f["at"]["distance"] + (v if mv.group(1).startswith("in") else -v)
            self.apply(f"{f['id']}: {fmt(d)} mm from the {f['at']['edge']} edge", ops.set_parameter, f"{f['id']}.at.distance", d)
            return
        rows = [h for h in self.feats("hole") if (h.get("at") or {}).get("kind") == "linear" and h.get("on", "top") == "top"
                and h["at"].get("count", 0) >= 2]
        if not corner and len(rows) == 1 and len(self.free()) == 1 and not re.search(
                r"\bfrom\s+(?:the|each|both)\b", self.t[self.free()[0].num.end:]):
            # "bring both holes in by 15", "move the holes 10 mm inward": the row's end holes each that much nearer its
            # middle (out: further), its middle kept
            f, v = rows[0], self.take(self.free()[0])
            n, inward = f["at"]["count"], mv.group(1).startswith("in")
            new = f["at"]["spacing"] + (-2 if inward else 2) * v / (n - 1)
            if new <= 0:
                self.out.failed.append(f"the end holes {fmt(v)} mm in: they would meet (the row spans "
                                       f"{fmt(f['at']['spacing'] * (n - 1))} mm)")
                return
            self.apply(f"{f['id']}: the end holes {fmt(v)} mm {'in' if inward else 'out'} ({n} in a row, {fmt(new)} apart)",
                       ops.set_parameter, f"{f['id']}.at.spacing", new)
            return
        if not corner:
            self.out.failed.append("moving in or out is done for holes at the corners (their inset); for others say "
                                   "which way, e.g. 'move the hole 10 mm to the left'")
            return
        nums = self.free()
        if not nums:
            self.out.failed.append("how far to move them (e.g. 'move the holes 12 mm in from the corners')")
            return
        it = nums[0]
        before = self.t[:it.num.start]
        inward = mv.group(1).startswith("in")
        delta = bool(re.search(r"\b(further|farther|more)\b", self.t) or re.search(r"\bby\s*$", before)
                     or re.search(rf"\b{mv.group(1)}\s+(?:by\s+)?$", before))
        f = corner[-1]
        v = self.take(it)
        old = f["at"].get("inset") or 0.0
        new = old + (v if inward else -v) if delta else v
        self.apply(f"{f['id']}: {fmt(new)} mm in from the corners", ops.set_parameter, f"{f['id']}.at.inset", new)

    def step_down(self) -> None:
        """'turn down the end to 30 dia for 20 mm': the top end of a round bar becomes a smaller step."""
        d = next((it for it in self.free(("diameter", "size")) if it.role == "diameter"), None) or next(
            (it for it in self.free() if re.search(r"\bto\s*(?:dia(?:meter)?\s*)?$", self.t[:it.num.start])), None)
        ln = next((it for it in self.free(("length", "height", "depth")) if it is not d), None) or next(
            (it for it in self.free() if it is not d and (re.search(r"\b(?:for|over|along)\s*(?:the (?:last|first) )?$|"
                                                                     r"\bthe (?:last|first|end|top|tip)\s*$", self.t[:it.num.start]) or
                                                           re.match(r"\s*(?:mm\s*)?(?:of|at|on)\s+(?:one|the|each|an?)\s+end\b",
                                                                    self.t[it.num.end:]))), None)
        if d is None or ln is None:
            self.out.failed.append("the step's diameter and length (e.g. 'turn down the end to 30 dia for 20 mm')")
            return
        dv, lv = self.take(d), self.take(ln)
        body = self.spec["body"]
        secs = [{"diameter": body["diameter"], "length": body["height"]}] if body["kind"] == "cylinder" else \
            copy.deepcopy(body["sections"])
        top = secs[-1]
        if not (dv < top["diameter"] and lv < top["length"]):
            self.out.failed.append(f"a Ø{fmt(dv)} step {fmt(lv)} long must be smaller than the Ø{fmt(top['diameter'])} "
                                   f"x {fmt(top['length'])} end it is turned from")
            return
        secs[-1:] = [{"diameter": top["diameter"], "length": round(top["length"] - lv, 6)},
                     {"diameter": dv, "length": lv}]
        data = copy.deepcopy(self.spec)
        data["body"] = {"kind": "shaft", "id": body.get("id", "shaft"), "sections": secs}
        self.apply(f"the top end turned down to Ø{fmt(dv)} for {fmt(lv)} mm", lambda s_, dd=data: ops.parse(dd))

    def recentre(self, kinds: list[str]) -> None:
        """'center the big hole again', 'put the hole back in the middle': one placed feature, centred."""
        k = next((k for k in kinds if k not in ("cbore", "csink")), None)
        cands = self.feats(k) if k else [f for f in self.spec.get("features", []) if f["kind"] in
                                          ("hole", "pocket", "slot", "boss")]
        cands = self.select(k, cands) if k else cands
        singles = [f for f in cands if (f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT]
        if not singles:
            self.out.failed.append(f"there is no single {k or 'placed feature'} to centre")
            return
        f = singles[-1]
        g = {x: y for x, y in f.items() if x != "id"}
        g["at"] = {"kind": "center"}
        self.apply(f"{f['id']}: centred", ops.replace_feature, f["id"], g)

    def place(self, m, kinds: list[str]) -> None:
        """'the hole should be 20 mm from the left edge': one placed feature, set in from that edge."""
        k = next((k for k in kinds if k not in ("cbore", "csink")), None)
        cands = self.feats(k) if k else [f for f in self.spec.get("features", []) if f["kind"] in
                                          ("hole", "pocket", "slot", "boss")]
        if not cands:
            self.out.failed.append(f"there is no {k or 'placed feature'} to place")
            return
        f = (self.select(k, cands) if k else cands)[-1]
        at = f.get("at") or {"kind": "center"}
        if at["kind"] == "center":
            u, v = 0.0, 0.0
        elif at["kind"] == "at" and len(at["points"]) == 1:
            u, v = at["points"][0]
        elif at["kind"] == "from_edge":
            u, v = (None, at.get("along", 0.0)) if at["edge"] in ("left", "right") else (at.get("along", 0.0), None)
        else:
            self.out.failed.append(f"{f['id']} is a pattern ({at['kind'].replace('_', ' ')}); move it with e.g. "
                                   "'move the holes 10 mm to the left'")
            return
        edge = {"front": "lower", "back": "upper", "top": "upper", "bottom": "lower"}.get(m.group(2), m.group(2))
        it = next(i for i in self.free() if i.num.start == m.start(1))
        d = self.take(it)
        along = v if edge in ("left", "right") else u
        g = {x: y for x, y in f.items() if x != "id"}
        g["at"] = {"kind": "from_edge", "edge": edge, "distance": d, "along": along or 0.0}
        self.apply(f"{f['id']}: {fmt(d)} mm from the {m.group(2)} edge", ops.replace_feature, f["id"], g)

    def bare_size(self) -> bool:
        """'make it 120' on a 100 dia x 8 disc, 'make the plate 8' on a 100 x 60 x 5 plate: a new size for the part with no
        word for which one; taken only when one of its sizes is plainly the one meant (within a factor of 2 of the
        number and three times nearer than any other, in ratio), said. Anything closer to a tie is asked."""
        b = self.spec["body"]
        names = {w for w in (str(b.get("id", "")), str(b.get("name", "")), b["kind"].replace("_", " ")) if w}
        m = re.fullmatch(r"\s*(?:(?:ok|okay|now|and|also|then|actually|so|hmm|please)\W+)*(?:(?:make|set|change|resize|bump|take)\s+"
                         r"(?:it|the (?:part|whole thing|" + "|".join(re.escape(w) for w in names) + r"))\s+(?:up\s+|down\s+)?"
                         r"(?:to\s+)?)?([\d./]+)\s*(?:mm|cm|in|inch(?:es)?|\")?\s*(?:instead|then|please|pls|now)?\W*", self.t)
        free = self.free()
        if not m or len(free) != 1 or free[0].role is not None:
            return False
        dims = {p: b[p] for p in _dims(b) if isinstance(b.get(p), (int, float)) and b[p] > 0}
        v = self.num_mm(free[0])
        if not dims or v <= 0:
            return False
        far = sorted((abs(math.log(v / d)), p) for p, d in dims.items())
        if far[0][0] > math.log(2) or (len(far) > 1 and far[1][0] < 3 * max(far[0][0], 1e-9)) or \
                (len(far) > 1 and math.isclose(dims[far[0][1]], dims[far[1][1]])):
            return False
        path = far[0][1]
        self.used.add(free[0].num.start)
        self.out.notes.append(f"'{free[0].num.text.strip()}' read as the {path.replace('_', ' ')} (the size nearest it; "
                              "say which size if not)")
        self.apply(f"{path.replace('_', ' ')} {fmt(dims[path])} → {fmt(v)}", ops.set_parameter,
                   f"{b.get('id', 'body')}.{path}", v)
        return True

    def radial_count(self) -> bool:
        """'only two holes, opposite each other' on a round part whose radial holes are cross holes through its axis (each
        one two holes in the wall): N holes are N/2 cross holes; the ones past that are removed (said)."""
        b = self.spec["body"]
        if b["kind"] not in ("cylinder", "tube", "shaft") or ADD_VERB.search(self.t):
            return False
        it = next((i for i in self.free(("count",)) if re.match(r"\s*(?:radial\s+|cross\s+)?holes\b", self.t[i.num.end:])), None)
        cross = [f for f in self.feats("hole") if f.get("on") in ("front", "back", "left", "right") and "depth" not in f
                 and len((f.get("at") or {}).get("points") or []) == 1]
        if it is None or len(cross) < 2 or len(cross) != len(self.feats("hole")) or \
                len({(str(f.get("size")), tuple(f["at"]["points"][0])) for f in cross}) != 1:
            return False
        n = int(it.num.value)
        if n % 2 or not 0 < n // 2 <= len(cross):
            return False
        self.used.add(it.num.start)
        gone = cross[n // 2:]
        if not gone:
            self.out.done.append(f"{n} holes already (cross holes through the axis)")
            return True
        data = copy.deepcopy(self.spec)
        data["features"] = [f for f in data["features"] if f["id"] not in {g["id"] for g in gone}]
        self.out.notes.append(f"{n} holes through the wall: {n // 2} cross hole{'s' if n > 2 else ''} through the axis, "
                              "each two holes opposite each other")
        self.apply("removed " + ", ".join(g["id"] for g in gone), lambda s_, d_=data: ops.parse(d_))
        return True

    def inch_thread(self, thread: str, holes_now: list[dict]) -> None:
        """'make them 1/4-20 tapped', 'switch to #10-32 clearance', 'tap them 5/16-18': the holes named last, to that
        unified thread's tap drill or clearance (ASME B1.1 table), tapped or clearance as they were unless said."""
        was = [h["size"] for h in holes_now if isinstance(h.get("size"), str)]
        kind = "tapped" if re.search(r"\btap|thread", self.t) else "clearance" if "clearance" in self.t else \
            "tapped" if was and all("tapped" in w for w in was) else "clearance"
        size = f"{thread} {kind}"
        for h in self.select("hole", holes_now):
            if "cbore" in h or "csink" in h:
                self.out.failed.append(f"{h['id']} is counterbored or countersunk for another screw; the head sizes for "
                                       f"a {thread} screw are not in the tables (say the counterbore's size, or 'plain')")
                return
            g = {**{k: v for k, v in h.items() if k != "id"}, "size": size}
            self.apply(f"{h['id']}: {size}", ops.replace_feature, h["id"], g)

    def to_corner(self, m, kinds: list[str]) -> None:
        """'move the hole to the top left corner, 15 from each edge': one placed feature, set in from that corner of
        its face by the distance said (one for both edges, or one from each: '15 from the left and 10 from the top')."""
        k = next((k for k in kinds if k not in ("cbore", "csink")), None)
        cands = self.feats(k) if k else [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "pocket", "slot",
                                                                                                  "boss")]
        cands = [f for f in (self.select(k, cands) if k else cands)
                 if (f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT and len((f.get("at") or {}).get("points") or [0]) == 1]
        if len(cands) != 1 or re.search(r"\b(?:holes|slots|pockets|them|those|these|all)\b", self.t):
            self.out.failed.append("moving to a corner is done for one placed feature (say which, e.g. 'move the big hole "
                                   "to the top left corner, 15 from each edge')")
            return
        f = cands[0]
        vert, side = (m.group(1) or m.group(4)), (m.group(2) or m.group(3))
        corner = f"{'upper' if vert in ('top', 'upper', 'back', 'rear', 'far') else 'lower'}_{side}"
        nums = self.free()
        du = dv = None
        for it in nums:
            after = self.t[it.num.end:]
            edge = re.match(r"\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?\s*(?:in\s+)?(?:away\s+)?from\s+(?:the\s+)?(left|right|top|bottom|"
                            r"front|back|upper|lower|side|end)s?\b", after)
            if edge and edge.group(1) in ("left", "right", "side", "end"):
                du = self.take(it)
            elif edge:
                dv = self.take(it)
        if du is None and dv is None and len(nums) == 1:
            du = dv = self.take(nums[0])          # "15 from each edge", "10 in", "inset 12"
        if du is None or dv is None:
            self.out.failed.append("how far in from the corner to put it (e.g. '15 from each edge', or '15 from the left "
                                   "and 10 from the top')")
            return
        g = {x: y for x, y in f.items() if x not in ("id", "at")} | {
            "at": {"kind": "from_corner", "corner": corner, "dx": du, "dy": dv}}
        self.apply(f"{f['id']}: moved to the {m.group(0).split(None, 1)[1]}, {fmt(du)} x {fmt(dv)} mm in",
                   ops.replace_feature, f["id"], g)

    def move_to_xy(self, m, kinds: list[str]) -> None:
        """'move the big hole to 65,20': one placed feature on the top, its centre at x, y measured from the lower-left
        corner (as hole centres are written in a request), said."""
        k = next((k for k in kinds if k not in ("cbore", "csink")), None)
        cands = self.feats(k) if k else [f for f in self.spec.get("features", []) if f["kind"] in ("hole", "pocket", "slot",
                                                                                                  "boss")]
        cands = [f for f in (self.select(k, cands) if k else cands) if f.get("on", "top") == "top" and
                 (f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT and len((f.get("at") or {}).get("points") or [0]) == 1]
        if len(cands) != 1 or re.search(r"\b(?:holes|slots|pockets|them|those|these|all)\b", self.t):
            self.out.failed.append("moving to x, y is done for one placed feature on the top (say which, e.g. 'move the big "
                                   "hole to 65, 20')")
            return
        f, body = cands[0], self.spec["body"]
        x, y = (float(m.group(i)) * self.k for i in (1, 2))
        for it in self.free():
            if m.start(1) <= it.num.start < m.end():
                self.used.add(it.num.start)
        u, v = round(x - body["length"] / 2, 6), round(y - body["width"] / 2, 6)
        self.out.notes.append(f"{fmt(x)}, {fmt(y)} measured from the lower-left corner")
        self.apply(f"{f['id']}: moved to ({fmt(x)}, {fmt(y)})", ops.replace_feature, f["id"],
                   {k_: v_ for k_, v_ in f.items() if k_ not in ("id", "at")} | {"at": {"kind": "at", "points": [[u, v]]}})

    def move(self, kinds: list[str]) -> None:
        """'move the hole 10 mm to the left': the feature's centre shifted on its face."""
        m = MOVE.search(self.t)
        k = next((k for k in kinds if k not in ("cbore", "csink")), None)
        placed = [f for f in self.spec.get("features", []) if "at" in f or f["kind"] in ("hole", "pocket", "slot", "boss")]
        cands = self.feats(k) if k else placed
        if not cands:
            self.out.failed.append(f"there is no {k or 'placed feature'} to move")
            return
        nums = self.free()
        if not nums:
            self.out.failed.append("how far to move it (e.g. 'move the hole 10 mm to the left')")
            return
        # every distance with its own direction: "10 left and 5 up", "right 10, down 5", "5 mm towards the back"
        steps = []
        for it in nums:
            after = re.match(r"\s*(?:mm|cm|in(?:ch(?:es)?)?|\"|millimet\w*)?\s*(?:more\s+|further\s+|over\s+)?"
                             r"(?:to(?:wards?)?\s+(?:the\s+)?)?(left|right|up|down|back|forwards?|front|upwards?|downwards?)\b",
                             self.t[it.num.end:])
            before = re.search(r"\b(left|right|up|down|back|forwards?|front|upwards?|downwards?)\s*(?:by\s*)?$",
                               self.t[:it.num.start])
            way = after.group(1) if after else before.group(1) if before else None
            if way:
                steps.append((it, way.rstrip("s").replace("forward", "front").replace("upward", "up")
                              .replace("downward", "down")))
        if not steps:
            steps = [(nums[0], m.group(1))]
        du = dv = 0.0
        said = []
        for it, way in steps:
            d = self.take(it)
            a, b = {"left": (-d, 0), "right": (d, 0), "up": (0, d), "back": (0, d), "front": (0, -d),
                    "down": (0, -d)}[way]
            du, dv = du + a, dv + b
            said.append(f"{fmt(d)} mm {way}")
        stray = [it for it in self.free() if it.role is None and not FEATURE_WORD.match(self.t[it.num.end:].lstrip(' mm'))]
        if stray:
            self.out.failed.append("which way to move by " + ", ".join(repr(it.num.text.strip()) for it in stray)
                                   + " (e.g. 'move the hole 10 mm left and 5 mm up')")
            return
        d = math.hypot(du, dv)
        f = cands[-1] if not k else self.select(k, cands)[-1]
        at = copy.deepcopy(f.get("at") or {"kind": "center"})
        if at["kind"] == "center":
            at = {"kind": "at", "points": [[du, dv]]}
        elif at["kind"] == "at":
            at["points"] = [[u + du, v + dv] for u, v in at["points"]]
        elif "center" in at or at["kind"] in ("linear", "grid", "bolt_circle", "nema"):
            cu, cv = at.get("center", (0.0, 0.0))
            at["center"] = [cu + du, cv + dv]
        elif at["kind"] == "from_edge":
            sign = {"left": 1, "lower": 1, "right": -1, "upper": -1}[at["edge"]]
            if at["edge"] in ("left", "right"):
                at["distance"] += sign * du
                at["along"] = at.get("along", 0.0) + dv
            else:
                at["distance"] += sign * dv
                at["along"] = at.get("along", 0.0) + du
        else:
            self.out.failed.append(f"{f['id']} is placed at the corners; move it by changing the inset instead")
            return
        g = {x: y for x, y in f.items() if x != "id"}
        g["at"] = at
        self.apply(f"moved {f['id']} {' and '.join(said)}", ops.replace_feature, f["id"], g)

    def taper(self) -> None:
        """'taper it so the top is 10 across': a cylinder becomes a frustum."""
        body = self.spec["body"]
        top = next((it for it in self.free() if it.role in ("top_d", "diameter") or it.role is None), None)
        if top is None:
            self.out.failed.append("the top diameter of the taper")
            return
        t = self.take(top)
        data = copy.deepcopy(self.spec)
        data["body"] = {"kind": "cone", "id": body.get("id", "body"), "bottom_diameter": body["diameter"],
                        "top_diameter": t, "height": body["height"]}
        self.apply(f"tapered: Ø{fmt(body['diameter'])} at the bottom to Ø{fmt(t)} at the top",
                   lambda s, d=data: ops.parse(d))

    def remove_point(self, kind: str, which: str) -> bool:
        """'delete the middle one' of holes placed at points: the one nearest their middle (or the leftmost /
        rightmost), when exactly one is; True when it answered (removed it, or said why not)."""
        if self.remove_corner_one(kind):
            return True
        fs = [f for f in self.feats(kind) if (f.get("at") or {}).get("kind") == "at" and len(f["at"].get("points") or []) > 1]
        rows = [f for f in self.feats(kind) if (f.get("at") or {}).get("kind") in ("linear", "grid")]
        counts = re.search(r"\bmake the holes a (\d+) x (\d+) grid\b", self.t)
        if counts and len(rows) == 1 and rows[0]["at"]["kind"] == "grid" and which in ("middle", "center", "centre"):
            # "back to 3 by 3 and leave out the middle hole": the grid made first, then its middle left out
            n = [int(counts.group(1)), int(counts.group(2))]
            self.used.update(it.num.start for it in self.tagging.items if counts.start() <= it.num.start < counts.end())
            if n != list(rows[0]["at"]["counts"]):
                self.apply(f"{rows[0]['id']}: a {n[0]} x {n[1]} grid", ops.set_parameter, f"{rows[0]['id']}.at.counts", n)
            rows = [f for f in self.feats(kind) if (f.get("at") or {}).get("kind") in ("linear", "grid")]
        if not fs and len(rows) == 1 and len(self.feats(kind)) == 1 and which in ("middle", "center", "centre", "left",
                                                                                   "right", "first", "last"):
            # "drop the middle hole" of a row of five: the row's places, that one left out
            from ..part.plan import resolve_feature
            try:
                res = resolve_feature(self.spec, rows[0]["id"])
            except ValueError:
                return False
            fs = [{**rows[0], "at": {"kind": "at", "points": [[round(u, 6), round(v, 6)] for u, v in res.points]}}]
        if which in ("first", "last") and len(rows) == 1 and rows[0]["at"]["kind"] == "linear" and len(fs) == 1:
            # "drop the last hole" of a row: its far end (along the row; the first is at its start)
            which = {"first": "left", "last": "right"}[which] if rows[0]["at"].get("axis", "u") == "u" else \
                {"first": "front", "last": "back"}[which]
        if len(fs) != 1 or which not in ("middle", "center", "centre", "left", "right", "front", "back"):
            return False
        f, pts = fs[0], [list(p) for p in fs[0]["at"]["points"]]
        cx, cy = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        key = {"left": lambda p: p[0], "right": lambda p: -p[0], "front": lambda p: p[1], "back": lambda p: -p[1]}.get(
            which, lambda p: math.hypot(p[0] - cx, p[1] - cy))
        ranked = sorted(pts, key=key)
        if math.isclose(key(ranked[0]), key(ranked[1]), abs_tol=1e-6):
            self.out.failed.append(f"more than one of the {len(pts)} {kind}s is the {which} one; say which by where it is")
            return True
        keep = [p for p in pts if p is not ranked[0]]
        self.apply(f"{f['id']}: the {which} one (at {fmt(ranked[0][0])}, {fmt(ranked[0][1])}) removed, {len(keep)} left",
                   ops.replace_feature, f["id"], {**{k: v for k, v in f.items() if k != "id"},
                                                  "at": {**f["at"], "points": keep}})
        return True

    def remove_any_one(self, kind: str) -> bool:
        """'delete one of the corner holes, leave the other three': one copy of the one pattern named, the one
        furthest back and right in the top view (which one is said, so the user can ask for another)."""
        from ..part.plan import resolve_feature
        fs = [f for f in self.select(kind, self.feats(kind)) if _count(f.get("at") or {}) not in (None, 1) or
              len((f.get("at") or {}).get("points") or []) > 1]
        if len(fs) != 1:
            self.out.failed.append(f"which {kind}s one is taken from ({', '.join(f['id'] for f in fs) or 'none'} are "
                                   "patterns); say it by where it is, e.g. 'remove the top left hole'")
            return True
        f = fs[0]
        try:
            pts = [(round(u, 6), round(v, 6)) for u, v in resolve_feature(self.spec, f["id"]).points]
        except ValueError:
            return False
        gone = max(pts, key=lambda p: (p[0] + p[1], p[0]))
        self.used.update(it.num.start for it in self.free() if it.num.value == 1)      # ("remove 1 hole": the count)
        keep = [list(p) for p in pts if p != gone]
        self.apply(f"{f['id']}: one of them (at {fmt(gone[0])}, {fmt(gone[1])}, back right) removed, {len(keep)} left",
                   ops.replace_feature, f["id"], {**{k: v for k, v in f.items() if k != "id"},
                                                  "at": {"kind": "at", "points": keep}})
        self.out.notes.append("say which one by where it is (e.g. 'the front left one') if you meant another")
        return True

    def full_length(self, kinds: list[str]) -> bool:
        """'run the keyway the full length of the shaft': the keyway (flat, slot through one wall) from end to end of
        the part; True when it answered."""
        body = self.spec["body"]
        full = body.get("height") if body["kind"] in ("cylinder", "tube") else \
            sum(s_["length"] for s_ in body.get("sections") or []) or None
        fs = [f for f in self.spec.get("features", []) if f["kind"] in ("keyway", "flat", "wall_slot")
              and (f["kind"] in kinds or not kinds or "slot" in kinds and f["kind"] == "wall_slot")]
        if len(fs) != 1 or not full:
            return False
        f = fs[0]
        self.apply(f"{f['id']}: the full {fmt(full)} mm length", ops.set_parameters,
                   {f"{f['id']}.z": 0.0, f"{f['id']}.length": float(full)})
        return True

    def open_both(self, sh: dict, where: str) -> bool:
        """'open the bottom as well' of a block or cylinder hollowed open at the top: open at both ends, its walls
        kept (a through cut of the cavity's outline); True when it answered."""
        body = self.spec["body"]
        if {sh.get("open_face"), where} != {"top", "bottom"} or body["kind"] not in ("box", "cylinder"):
            return False
        t = sh["thickness"]
        cut = {"kind": "pocket", "on": "top", "at": {"kind": "center"}}
        if body["kind"] == "box":
            cut |= {"shape": "rect", "length": round(body["length"] - 2 * t, 6), "width": round(body["width"] - 2 * t, 6)}
        else:
            cut |= {"shape": "circle", "diameter": round(body["diameter"] - 2 * t, 6)}
        self.apply(f"{sh['id']}: open at the top and the bottom ({fmt(t)} mm walls, a through opening)",
                   ops.replace_feature, sh["id"], cut)
        return True

    def remove_corner_one(self, kind: str) -> bool:
        """'remove the top left hole' of holes at a plate's corners (a grid, a bolt circle): the one furthest that way
        in the top view (+Y back / top, -X left), when exactly one is; the rest kept where they are."""
        m = CORNER_ONE.search(self.t)
        if not m:
            return False
        ends, side = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        sy = 1 if ends in ("top", "back", "rear", "upper", "far") else -1
        sx = -1 if side == "left" else 1
        fs = [f for f in self.feats(kind) if (f.get("on") or "top") == "top" and (
            _count(f.get("at") or {}) not in (None, 1) or len((f.get("at") or {}).get("points") or []) > 1)]
        if len(fs) != 1:
            return False
        from ..part.plan import resolve_feature
        try:
            pts = [(round(u, 6), round(v, 6)) for u, v in resolve_feature(self.spec, fs[0]["id"]).points]
        except ValueError:
            return False
        ranked = sorted(pts, key=lambda p: -(sx * p[0] + sy * p[1]))
        far = ranked[0]
        if len(ranked) < 2 or math.isclose(sx * ranked[1][0] + sy * ranked[1][1], sx * far[0] + sy * far[1], abs_tol=1e-6):
            self.out.failed.append(f"no one of the {len(pts)} {kind}s is furthest {m.group(0)}; say which by where it is")
            return True
        keep = [list(p) for p in pts if p != far]
        f = fs[0]
        self.apply(f"{f['id']}: the {m.group(0)} one (at {fmt(far[0])}, {fmt(far[1])}) removed, {len(keep)} left",
                   ops.replace_feature, f["id"], {**{k: v for k, v in f.items() if k != "id"},
                                                  "at": {"kind": "at", "points": keep}})
        return True

    def remove(self, kinds: list[str]) -> None:
        kinds = [k for k in kinds if k not in ("cbore", "csink")] or kinds
        if kinds and re.search(r"\b(?:a|one|1) of (?:the|those|these|them|its)\b|\b(?:a|one|1) (?:\w+ )?(?:hole|slot|pocket)\b"
                               r"(?=.*\b(?:others?|rest|remaining)\b)", self.t) and self.remove_any_one(kinds[0]):
            return      # "delete one of the corner holes, leave the other three" (normalized 'a of the ...')
        some = re.search(r"\b(outer|outside|inner|inside|middle|center|centre|left|right|first|last|end|one of|"
                         r"two of|\d+ of|some of|half|every other|(?:one|two|three|a couple of|\d+)(?= (?:\w+ )?(?:holes?|slots?|"
                         r"pockets?)\b))\b", self.t)
        if some and kinds and self.remove_point(kinds[0], some.group(1)):
            return
        if some and kinds and any(len(self.feats(k)) == 1 and _count(self.feats(k)[0].get("at") or {}) not in (None, 1)
                                  for k in dict.fromkeys(kinds)):
            rows = [f for f in self.feats(kinds[0]) if (f.get("at") or {}).get("kind") == "linear"]
            n = next((it for it in self.free(("count",))), None) or next(iter(self.free()), None)
            if some.group(1) in ("outer", "outside", "end") and rows and n is not None and \
                    rows[-1]["at"]["count"] > int(n.num.value) and n.num.integer:
                # "remove the outer two holes": the row keeps its spacing, two fewer from its ends
                f, k = rows[-1], int(n.num.value)
                self.used.add(n.num.start)
                if k % 2:
                    self.out.failed.append(f"removing {k} holes from the ends of a row is not symmetric; say which")
                    return
                self.apply(f"{f['id']}: the outer {k} removed ({f['at']['count'] - k} left)", ops.set_parameter,
                           f"{f['id']}.at.count", f["at"]["count"] - k)
                return
            if some.group(1) == "every other" and self.every_other(kinds[0]):
                return
            side = re.search(r"\b(?:on the |at the |the )?(left|right|front|back|rear|top|bottom|upper|lower)(?: side| end| edge)?\b",
                             self.t)
            if side and self.remove_side(kinds[0], side.group(1)):
                return
            # "remove the middle hole" of a pattern: a pattern with a gap is not a spec pattern
            self.out.failed.append(f"removing only some of a pattern's {kinds[0]}s ('{some.group(0)}') is not done "
                                   "offline; say how many to keep and where (e.g. 'make it 2 holes, 50 apart')")
            return
        edge_side = re.search(r"\b(top|bottom|vertical|upper|lower|upright|side)\b", self.t)
        for k in [k for k in dict.fromkeys(kinds) if k in ("fillet", "chamfer")] if edge_side else []:
            # "get rid of the chamfer on the bottom": the one on those edges; one on every edge is not taken off a part of them
            name = {"upper": "top", "lower": "bottom", "upright": "vertical", "side": "vertical"}.get(edge_side.group(1),
                                                                                                      edge_side.group(1))
            there = self.feats(k)
            on = [f for f in there if f.get("edges") == name]
            if not there:
                self.out.failed.append(f"there is no {k} to remove")     # "remove the top edges fillet" on a plain box
                return
            whole = [f for f in there if f.get("edges") in ("all", "outer")]
            if there and not on and len(whole) == 1 and name in ("top", "bottom", "vertical") and \
                    self.spec["body"]["kind"] in ("box", "polygon_prism") and \
                    (whole[0]["edges"] == "outer" or not any(x["kind"] in ("hole", "slot", "pocket")
                                                            for x in self.spec.get("features", []))):
                # "no chamfer on the bottom edges" of a block chamfered all round: the rest of its edges keep it
                f = whole[0]
                rest = [e for e in ("vertical", "top", "bottom") if e != name]
                ids = {x["id"] for x in self.spec.get("features", [])}
                second = next(f"{f['id']}_{i}" for i in range(2, 99) if f"{f['id']}_{i}" not in ids)
                if self.apply(f"{f['id']}: taken off the {name} edges (kept on the {' and '.join(rest)} edges)",
                              ops.replace_feature, f["id"], {**f, "edges": rest[0]}):
                    self.apply(f"{second}: the {k} on the {rest[1]} edges", ops.add_feature,
                               {**f, "id": second, "edges": rest[1]}, f["id"])
                kinds = [x for x in kinds if x != k]
                continue
            if there and not on:
                self.out.failed.append(f"the {k} is on the {', '.join(dict.fromkeys(f.get('edges', '?') for f in there))} "
                                       f"edges; taking it off the {name} edges alone is not done offline (say which edges to "
                                       f"keep it on, e.g. 'only the top edges')")
                return
            for f in reversed(on):
                self.apply(f"removed {f['id']} ({f['kind']} on the {name} edges)", ops.remove_feature, f["id"])
            kinds = [x for x in kinds if x != k]
        for k in dict.fromkeys(kinds):
            if k in ("cbore", "csink"):
                key = k
                for f in self.feats("hole"):
                    if key in f:
                        g = {x: y for x, y in f.items() if x not in (key, "id")}
                        self.apply(f"removed the {'counterbore' if k == 'cbore' else 'countersink'} of {f['id']}",
                                   ops.replace_feature, f["id"], g)
                continue
            found = self.select(k, self.feats(k))
            if not found:
                self.out.failed.append(f"there is no {k} to remove")
            for f in reversed(found):
                self.apply(f"removed {f['id']} ({f['kind']})", ops.remove_feature, f["id"])

    def swap(self, kinds: list[str]) -> None:
        edge = [k for k in kinds if k in ("fillet", "chamfer")]
        if len(set(edge)) == 2 or (len(edge) == 1 and self.feats("chamfer" if edge[0] == "fillet" else "fillet")):
            new = edge[-1] if len(set(edge)) == 2 else edge[0]
            was = re.search(r"\b(?:instead of|rather than|in place of)\s+(?:the\s+|an?\s+|those\s+)?([a-z]+)", self.t)
            named = [n for _, _, _, n in find("features", was.group(1))] if was else []
            if len(set(edge)) == 2 and named and named[0] in ("fillet", "chamfer"):
                new = "chamfer" if named[0] == "fillet" else "fillet"   # "chamfer them instead of rounding"
            old = "chamfer" if new == "fillet" else "fillet"
            nums = self.free()
            for f in self.feats(old):
                was_size = f.get("radius") or f.get("size")
                if len(nums) > 1:
                    # "swap the R10 corners for 5mm chamfers": the number the old feature has names it, the other is new
                    named_old = [it for it in nums if isinstance(was_size, (int, float)) and
                                 math.isclose(self.num_mm(it), was_size)]
                    if len(named_old) == 1:
                        self.used.add(named_old[0].num.start)
                        nums = [it for it in nums if it is not named_old[0]]
                size = self.take(nums[0]) if nums else was_size
                g = {"kind": new, "edges": f["edges"], ("radius" if new == "fillet" else "size"): size}
                self.apply(f"{f['id']}: {old} → {new} {fmt(size)} mm on the {f['edges']} edges",
                           ops.replace_feature, f["id"], g)
            return
        if "csink" in kinds or "cbore" in kinds:
            new = "csink" if "csink" in kinds else "cbore"
            if "csink" in kinds and "cbore" in kinds:
                # "change those countersinks to counterbores, Ø14 x 6.5 deep": the head it is changed to
                to = re.search(r"\b(?:to|into|for|with)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(counter\s*-?\s*bor\w*|c'?bor\w*|"
                               r"countersink\w*|countersunk|csk|c'?sink\w*)|(counter\s*-?\s*bor\w*|c'?bor\w*|countersink\w*|"
                               r"countersunk|csk|c'?sink\w*)\s+instead\b", self.t)
                was = re.search(r"\b(?:instead of|rather than|in place of|not)\s+(?:the\s+|an?\s+)?(counter\s*-?\s*bor\w*|"
                                r"c'?bor\w*|countersink\w*|countersunk|csk|c'?sink\w*)", self.t)
                if was is not None:      # "counterbored 14 x 6.5 deep instead of countersunk": the other one
                    new = "csink" if "bor" in was.group(1) else "cbore"
                elif to is not None:
                    word = to.group(1) or to.group(2)
                    new = "cbore" if "bor" in word else "csink"
            holes = [f for f in self.feats("hole") if "cbore" in f or "csink" in f] or self.feats("hole")
            if re.search(r"\b(them|those|these|all|holes|em)\b", self.t):
                holes = self.select("hole", self.feats("hole"))        # "countersink them": every one named
            elif len(self.select("hole", self.feats("hole"))) < len(self.feats("hole")):
                holes = self.select("hole", self.feats("hole"))[-1:]   # "make the centre hole a counterbore"
            else:
                holes = holes[-1:]
            if not holes:
                self.out.failed.append("there is no hole to change")
                return
            d = self.free()
            ms = M_SIZE.search(self.t)
            screw = None
            if ms and not d:
                # "countersink them for M6", "counterbore for M6 cap screws": the head sizes from the screw's table
                try:
                    screw = tables.screw_head(f"M{ms.group(1)}")
                except KeyError:
                    screw = None
            if screw is not None:
                std = "ISO 10642, 90°" if new == "csink" else "ISO 4762 socket head"
                what = {"csink": {"diameter": screw["csink"], "angle": 90.0}} if new == "csink" else \
                    {f["id"]: dict(screw["cbore"]) for f in holes}
                self.out.notes.append(f"{'countersink' if new == 'csink' else 'counterbore'} for an M{ms.group(1)} screw "
                                      f"({std}): " + (f"Ø{fmt(screw['csink'])}" if new == "csink" else
                                                      f"Ø{fmt(screw['cbore']['diameter'])} x {fmt(screw['cbore']['depth'])}"
                                                      " deep"))
                clear = (tables.clearance(f"M{ms.group(1)}", "fine"), tables.clearance(f"M{ms.group(1)}", "coarse"))
                for f in holes:
                    g = {x: y for x, y in f.items() if x not in ("cbore", "csink", "id")}
                    g[new] = what["csink"] if new == "csink" else what[f["id"]]
                    if not (isinstance(f.get("size"), (int, float)) and clear[0] - 1e-6 <= f["size"] <= clear[1] + 1e-6) \
                            and f.get("size") != f"M{ms.group(1)} clearance":
                        g["size"] = f"M{ms.group(1)} clearance"      # the screw goes through
                    self.apply(f"{f['id']}: {'countersunk' if new == 'csink' else 'counterbored'} for M{ms.group(1)}"
                               + (f" (now {g['size']}, for the screw to pass)" if g.get("size") != f.get("size") else ""),
                               ops.replace_feature, f["id"], g)
                return
            hole_size = next((it for it in d if re.match(r"\s*(?:mm\s*)?(?:dia\w*\s*)?(?:and|&|,)\s+(?:then\s+)?(?:also\s+)?"
                                                         r"(?:countersunk|countersink|counterbored|counterbore|c'?sunk|c'?bored)\b",
                                                         self.t[it.num.end:])), None)
            if hole_size is not None:
                # "make them 8 mm and countersunk": the holes 8 mm, then the countersink (or counterbore)
                v = self.take(hole_size)
                holes = [{**f, "size": v} for f in holes]
                self.out.notes.append(f"{fmt(v)} mm read as the holes' size")
                d = [it for it in d if it is not hole_size]
                if new == "csink" and not d:
                    head = round(2 * v, 1)
                    self.out.notes.append(f"no countersink diameter given: {fmt(head)} mm (twice the hole) assumed")
                    for f in holes:
                        g = {x: y for x, y in f.items() if x not in ("cbore", "csink", "id")}
                        g["csink"] = {"diameter": head, "angle": 90.0}
                        self.apply(f"{f['id']}: Ø{fmt(v)}, countersunk Ø{fmt(head)} x 90°", ops.replace_feature, f["id"], g)
                    return
            if new == "csink":
                head = next((it for it in self.free(("head", "diameter", "size", "inner"))), None) or next(iter(d), None)
                stds = [self._screw_head(f, "csink") for f in holes]
                if head is None and holes and all(x is not None for x in stds) and len(set(stds)) == 1:
                    # "change the counterbores to countersinks" on M5 holes: the M5 countersunk screw's head (said)
                    self.out.notes.append(f"the countersink for the {str(holes[0]['size']).split()[0]} countersunk "
                                          f"screw (ISO 10642): Ø{fmt(stds[0])} at the surface")
                    sizes = {"csink": {"diameter": stds[0], "angle": 90.0}}
                elif head is None:
                    self.out.failed.append("the countersink's diameter at the surface is missing")
                    return
                else:
                    sizes = None
                if sizes is None:
                    ang = next((it for it in self.free(("angle",))), None)
                    mod = {"diameter": self.take(head), "angle": ang.num.value if ang else 90.0}
                    if ang:
                        self.used.add(ang.num.start)
                    sizes = {"csink": mod}
            else:
                depth = next((it for it in d if it.role == "depth"), None)
                way = re.search(r"\b(deeper|shallower)\b", self.t)
                if depth is None and way and len(d) == 1:
                    depth = d[0]       # "counterbore deeper, 3/8\"": the depth (the new one when it lies that way, else more)
                head = next((it for it in d if it is not depth and it.role in ("head", "diameter", "size", "inner", None)),
                            None)      # "counterbore the middle hole 30 dia 5 deep": after 'hole' the 30 reads as a bore
                hv = self.take(head) if head else None
                dv = self.take(depth) if depth else None
                was = next((f["cbore"]["depth"] for f in holes if isinstance(f.get("cbore"), dict)), None)
                if dv is not None and way and was is not None and (dv - was) * (1 if way.group(1) == "deeper" else -1) <= 0:
                    dv = was + dv if way.group(1) == "deeper" else was - dv
                    self.out.notes.append(f"read as how much {way.group(1)} (the counterbore was {fmt(was)} deep)")
                sizes = {}
                for f in holes:
                    old = f.get("cbore")
                    if old and (hv or dv):
                        # "cbore depth 8": only what is named changes
                        sizes[f["id"]] = {"diameter": hv or old["diameter"], "depth": dv or old["depth"]}
                    elif (hv is None or dv is None) and self._screw_head(f, "cbore") is not None:
                        # "swap the countersink for a counterbore" on an M6 hole: the M6 socket head's (said)
                        std = self._screw_head(f, "cbore")
                        sizes[f["id"]] = {"diameter": hv or std["diameter"], "depth": dv or std["depth"]}
                        self.out.notes.append(f"the counterbore for the {str(f['size']).split()[0]} socket head screw "
                                              f"(ISO 4762): Ø{fmt(sizes[f['id']]['diameter'])} x "
                                              f"{fmt(sizes[f['id']]['depth'])} deep")
                    elif hv is None or dv is None:
                        self.out.failed.append("the counterbore's diameter and depth are missing")
                        return
                    else:
                        sizes[f["id"]] = {"diameter": hv, "depth": dv}
            for f in holes:
                g = {x: y for x, y in f.items() if x not in ("cbore", "csink", "id")}
                g[new] = sizes["csink"] if new == "csink" else sizes[f["id"]]
                said = f"Ø{fmt(g[new]['diameter'])} x {fmt(g[new]['angle'])}°" if new == "csink" else \
                    f"Ø{fmt(g[new]['diameter'])}, {fmt(g[new]['depth'])} deep"
                self.apply(f"{f['id']}: {'countersunk' if new == 'csink' else 'counterbored'} {said}", ops.replace_feature,
                           f["id"], g)
            return
        self.feature_edit(kinds)

    def feature_edit(self, kinds: list[str]) -> None:
        main = [k for k in kinds if k not in ("cbore", "csink")] or kinds
        k = main[0]
        adding = bool(ADD_VERB.search(self.t)) and not re.search(r"\b(more|so there are|instead)\b", self.t)
        existing = self.select(k, self.feats(k))
        placing = any(it.role in ("inset", "spacing", "pcd", "count") for it in self.free()) or re.search(
            r"\b\d+(?:\.\d+)?\s*(?:mm\s*)?in\b(?!\s*(?:dia|diameter))", self.t)
        more = re.search(r"\b(\d+|two|three|four|a couple|a pair) (?:more|extra|additional|new)\b", self.t)
        lone = existing and all((f.get("at") or {"kind": "center"})["kind"] in SINGLE_AT for f in existing)
        pattern = self.free(("count",)) or re.search(r"\b(?:pcd|bolt circle|circle|corners?|grid|apart|in a row)\b", self.t)
        beside = re.search(r"\b(?:as well|too|also|plus|in addition|additionally|around (?:it|that|the \w+)|either side|each side|"
                           r"both sides|beside|next to|flanking)\b|^\s*and\b", self.t)
        if k in ("hole", "bore") and lone and (more or pattern) and not re.search(
                r"\b(?:so there are|instead|rather|change|convert|turn|make (?:it|that|them|this)|same size)\b", self.t) and (
                self.new_hole_size(existing) or beside):
            # "add 2 more holes either side of it, 6 mm", "4 x 6 mm holes on a 60 bolt circle" beside a lone centre
            # hole: new holes, not that one made into a pattern
            if more:
                self.t = self.t[:more.start()] + more.group(1) + self.t[more.end():]
            self.add_features()
            return
        if k in ("hole", "bore") and existing and not adding and not self.free() and any("depth" in f for f in existing) and \
                re.search(r"\b(?:through|thru)\b|\ball the way\b", self.t) and not re.search(r"\b(?:more|another|new|extra)\b", self.t):
            for f in existing:         # "through holes instead", "holes all the way through instead": no depth
                if "depth" in f:
                    self.apply(f"{f['id']}: through", ops.replace_feature, f["id"],
                               {x: y for x, y in f.items() if x not in ("id", "depth")})
            opposite = {"top": "bottom", "bottom": "top", "left": "right", "right": "left", "front": "back", "back": "front"}
            now = [f for f in self.spec.get("features", []) if f["id"] in {g["id"] for g in existing}]
            for f in now:
                twin = next((g for g in now if g is not f and g.get("size") == f.get("size") and isinstance(f.get("on", "top"), str)
                             and opposite.get(f.get("on", "top")) == g.get("on", "top") and (g.get("at") or {"kind": "center"})
                             == {"kind": "center"} == (f.get("at") or {"kind": "center"})
                             and any(h["id"] == g["id"] for h in self.spec["features"])), None)
                if twin is not None and any(h["id"] == f["id"] for h in self.spec["features"]):
                    # a blind hole in each end made through: one bore (the two would be the same hole, counted twice)
                    self.apply(f"{twin['id']}: one with {f['id']} (the same hole through)", ops.remove_feature, twin["id"])
            return
        if k in ("hole", "bore") and existing and (re.search(
                r"\b(more|so there are|make (?:it|that|them) \d+|(?<![/.])\d+ (?:(?:bolt|mounting|screw|fixing|clearance|tapped) )?holes|instead|same size|in a row|spacing|"
                r"bolt circle|pcd|circle|apart|move|space|spread|closer|double|triple|twice|halve|hole count|grid|array|rows?|"
                r"columns?|further|farther|inwards?|outwards?)\b", self.t) or
                placing) and not adding:
            before = len(self.free())
            self.change_holes(existing)
            ids = {f["id"] for f in existing}
            now = sum(_count(f.get("at") or {}) or 1 for f in self.spec.get("features", []) if f["id"] in ids)
            left = [it for it in self.free() if not (it.role == "count" and it.num.value == now)]   # "4 holes ..." as they are
            if 0 < len(left) < before and not self.out.failed and all(it.role in (None, "size", "diameter") for it in left):
                # "holes 6mm, 8 from the edges": the place changed, the size said beside it is theirs too
                done = len(self.out.done)
                self.change_holes([f for f in self.spec.get("features", []) if f["id"] in ids])
                if len(self.out.done) == done:
                    self.out.failed.clear()       # no size there: the number left over is named as not placed
            return
        if k in ("slot", "pocket") and existing and not adding and not self.free() and re.search(
                r"\b(?:go|goes|cut|all the way|right)?\s*(?:through|thru)\b", self.t):
            for f in existing:         # "make the pocket go through": no depth
                if "depth" in f:
                    self.apply(f"{f['id']}: through", ops.replace_feature, f["id"],
                               {x: y for x, y in f.items() if x not in ("id", "depth")})
            if not self.out.done:
                self.out.failed.append(f"the {k} already goes through")
            return
        if k in ("slot", "pocket") and existing and not adding and (self.free(("count",)) or self.free(("spacing",))):
            # "two slots instead, 80 apart": a row of them
            f = existing[-1]
            at = f.get("at") or {"kind": "center"}
            cnt, sp = next(iter(self.free(("count",))), None), next(iter(self.free(("spacing",))), None)
            n = int(cnt.num.value) if cnt else _count(at)
            if cnt:
                self.used.add(cnt.num.start)
            s_ = self.take(sp) if sp else at.get("spacing")
            if not n or n < 2 or s_ is None:
                self.out.failed.append(f"how many {k}s and how far apart (e.g. 'two {k}s, 80 apart')")
                return
            g = {x: y for x, y in f.items() if x != "id"}
            axis = at.get("axis", "u")
            along_u = f.get("length") or f.get("diameter") or 0.0
            along_v = f.get("width") or f.get("diameter") or 0.0
            if (f.get("angle", 0.0) % 180) == 90:
                along_u, along_v = along_v, along_u
            if "axis" not in at and s_ is not None and s_ < along_u + 0.2 and s_ >= along_v + 0.2:
                axis = "v"          # "two slots 30 apart" for slots 40 long: side by side, across their length (said)
                self.out.notes.append(f"{n} side by side across their length ({fmt(s_)} apart would overlap end to end)")
            g["at"] = {"kind": "linear", "count": n, "spacing": s_, "axis": axis}
            self.apply(f"{f['id']}: {n} in a row, {fmt(s_)} apart", ops.replace_feature, f["id"], g)
            return
        pattern = adding and (self.free(("count", "pcd", "spacing", "inset")) or re.search(
            r"\b(?:holes|bolt circle|pcd|circle|corners|apart|pattern|row)\b", self.t))
        body_bore = self.spec["body"]["kind"] == "tube" or isinstance(self.spec["body"].get("bore"), (int, float))
        cross = re.search(r"\bcross[- ]?holes?\b|\bthrough\s+(?:the\s+|one\s+|both\s+|a\s+)?(?:side|sides|walls?)\b|"
                          r"\bin(?:to)?\s+(?:the|one)\s+(?:side|wall)\b|\bradial\b", self.t)
        if k in ("bore", "hole") and body_bore and not existing and not pattern and not cross and not (
                self.free(("count", "pcd")) and re.search(r"\b(?:holes|pcd|bolt circle|circle)\b", self.t)):
            # a tube's bore is its inner diameter: a size change
            free = self.free()
            if len(free) == 1 and free[0].role in (None, "size", "diameter", "inner"):
                free[0].role = "inner"
                return
            # "hole 3.4 for M3 clearance and OD 10": the number the hole words take, the outside its own
            bore_n = [it for it in free if it.role in (None, "size", "diameter", "inner") and not re.search(
                r"\b(?:od|outside|outer|o\.d\.)\s*(?:dia\w*\s*)?(?:of\s+|to\s+|=\s*|:\s*)?$", self.t[:it.num.start]) and not re.match(
                r"\s*(?:mm\s*)?(?:od|outside|outer|long|tall|high|thick|length)\b", self.t[it.num.end:])]
            if len(bore_n) == 1 and re.search(r"\b(?:hole|bore)\s*(?:to\s+|=\s*|:\s*|dia\w*\s*)?(?:m\d+(?:\.\d+)?\s+(?:clearance|"
                                              r"clr|tapped|tap)\s*[,:(-]?\s*)?$", self.t[:bore_n[0].num.start]):
                # ("hole to M4 clearance, 4.5, and OD 9": the size said after the screw's name)
                bore_n[0].role = "inner"
                return
            before = [it for it in bore_n if re.match(r"\s*(?:mm\s*)?(?:dia\w*\s+)?(?:bore|hole|id)\b", self.t[it.num.end:])]
            if len(before) == 1:
                before[0].role = "inner"     # "20 long and with a 22 bore": the size said before the word
                return
            if not self.out.done:
                self.out.failed.append(f"this {self.spec['body']['kind'].replace('_', ' ')}'s bore is its inner diameter; "
                                       "say e.g. 'inner diameter 12'")
            return
        if not existing and not adding and k in ("hole", "bore") and re.search(r"\b(?:bore|drill) (?:it|them|this|"
                                                                                r"through|thru|out)\b", self.t):
            self.add_features()         # "bore it 12 thru" on a part with no hole: a new centre hole
            return
        if not existing and not adding and k in ("hole", "bore") and (M_SIZE.search(self.t) or self.free()) and re.search(
                r"\b(?:through|thru|middle|centre|center|cent(?:er|re)d|pcd|bolt circle|equally spaced|evenly spaced|around)\b|"
                r"\b(?:in|at|on|near)\s+(?:the\s+|each\s+|every\s+|all\s+(?:the\s+)?|all\s+4\s+|the\s+4\s+)?corners?\b|"
                r"\b(?:grid|bolt[- ]circle|on an?\s+[\d./]+\s*(?:mm\s*)?(?:circle|pcd))\b|"
                r"\b(?:in|on|into)\s+(?:the|one|each|both)\s+"
                r"(?:front|back|side|end|left|right|top|bottom|floor|base)s?\b", self.t):
            self.add_features()         # "M12 tapped hole through the middle" on a part with none: a new one
            # ("3/8 hole in each corner 5/8 from the edges", "6 mm holes 40 apart": new ones, where they go said)
            return
        if not existing and not adding and k in ("hole", "bore") and not self.free(("count",)) and \
                not re.search(r"\b(?:a|an|one)\b", self.t):
            self.out.failed.append("there are no holes to change; say 'add ...' to make new ones")
            return
        if k in ("fillet", "chamfer") and existing and not adding:
            named = {n for s_, _, _, n in find("edge_sets", self.t)
                     if not any(a <= s_ < b for a, b in self.kept_spans)}     # ("keep the 4 mm on top": not asked)
            have = {f["edges"] for f in existing}
            if named and not named & have and not SWAP.search(self.t) and (
                    re.search(r"\b(too|as well|also|same|likewise|and the)\b", self.t) or self.free()):
                # "chamfer the bottom too": another edge set, the same size unless one is given
                self.add_features(same_as=existing[-1])
                return
            if len(named) == 1 and not named & have and len(existing) == 1 and not self.free() and re.search(
                    r"\b(?:only|just|rest|instead|not (?:all|every))\b", self.t):
                # "only round the top edges, leave the rest sharp": the same treatment, on those edges alone
                f, where = existing[0], named.pop()
                edges = outer_if_holes(where, [g for g in self.spec.get("features", []) if g["id"] != f["id"]], self.out.notes)
                self.apply(f"{f['id']}: on the {edges} edges only (was {f['edges']})", ops.replace_feature, f["id"],
                           {x: y for x, y in f.items() if x != "id"} | {"edges": edges})
                return
        if existing and not adding:
            self.change_feature(k, existing)
            return
        self.add_features()

    def z_flange(self, m: re.Match) -> None:
        """'top flange 30', 'bottom flange 20', 'flanges 30' on a Z section: that flange (to the web's outside face, as
        read), the other kept; the width across follows."""
        b = self.spec["body"]
        T, W = float(b["thickness"]), float(b["width"])
        top = float(b["lip"]) if b.get("lip") is not None else (W + T) / 2
        bottom = W - top + T
        it = next((i for i in self.free() if i.num.start >= m.start(2) - 1), None)
        if it is None:
            self.out.failed.append(self.no_size({"kind": "flange"}))
            return
        v = self.take(it)
        which = m.group(1)
        if which in ("top", "upper"):
            top = v
        elif which in ("bottom", "lower"):
            bottom = v
        else:
            top = bottom = v
        if min(top, bottom) <= T:
            self.out.failed.append(f"a flange of {fmt(min(top, bottom))} mm is no longer than the {fmt(T)} mm wall")
            return
        i = b.get("id", "body")
        self.apply(f"flanges {fmt(top)} (top) and {fmt(bottom)} (bottom): {fmt(top + bottom - T)} across",
                   ops.set_parameters, {f"{i}.lip": top, f"{i}.width": round(top + bottom - T, 6)})

    def change_v_groove(self, f: dict, nums: list) -> None:
        """'V groove only 4 deep', 'groove 10 wide at the rim', 'make it a 60 degree vee': the size said, the V's angle
        kept unless a new one is said (its width at the face follows the depth, or the depth the width); a groove
        round a rim stays centred where it was."""
        wide = "length" if f["kind"] == "v_groove" else "width"
        W, D = float(f[wide]), float(f["depth"])
        ang = re.search(r"([\d.]*\d)\s*(?:deg(?:ree)?s?\b|°)", self.t)
        a = float(ang.group(1)) if ang else math.degrees(2 * math.atan(W / 2 / D))
        if ang:
            self.used.update(it.num.start for it in nums if math.isclose(it.num.value, a))
            nums = [it for it in nums if not math.isclose(it.num.value, a)]
        if not 0 < a < 180:
            self.out.failed.append(f"a V groove's angle between 0 and 180 degrees (found {fmt(a)})")
            return
        tan = math.tan(math.radians(a) / 2)
        depth = next((it for it in nums if it.role == "depth"), None) or (
            next((it for it in nums if it.role in (None, "size")), None) if re.search(r"\b(?:deep|deeper|shallower|depth)\b",
                                                                                    self.t) else None)
        width = next((it for it in nums if it is not depth and it.role in ("width", "size", None)), None) if re.search(
            r"\b(?:wide|wider|narrower|width|across)\b", self.t) else None
        if depth is not None:
            D = self.take(depth)
            W = self.take(width) if width is not None else round(2 * D * tan, 6)
        elif width is not None:
            W = self.take(width)
            D = round(W / 2 / tan, 6)
        elif ang:
            W = round(2 * D * tan, 6)      # "make it a 60 degree vee": as deep, the new angle
        else:
            self.out.failed.append(self.no_size(f))
            return
        g = {x: y for x, y in f.items() if x != "id"} | {wide: W, "depth": D}
        if f["kind"] == "v_groove":
            g["z"] = round(float(f.get("z", 0)) + (float(f[wide]) - W) / 2, 6)      # centred where it was
        self.apply(f"{f['id']}: {fmt(W)} wide at the face, {fmt(D)} deep ({fmt(round(math.degrees(2 * math.atan(W / 2 / D)), 3))}°)",
                   ops.replace_feature, f["id"], g)

    def no_size(self, f: dict) -> str:
        """Why a change to ``f`` was not made: no number for it ('make the hole bigger': how much is not guessed)."""
        word = {"hole": "holes", "fillet": "fillets", "chamfer": "chamfer", "shell": "walls", "boss": "boss",
                "slot": "slot", "pocket": "pocket", "keyway": "keyway"}.get(f["kind"], f["kind"])
        how = re.search(r"\b(bigger|larger|smaller|wider|narrower|longer|shorter|deeper|shallower|thicker|thinner|"
                        r"taller|higher|lower)\b", self.t)
        if how:
            return (f"'{how.group(1)}' with no size: I do not guess how much; say the new size (e.g. '{word} 8 mm') "
                    f"or by how much (e.g. '2 mm {how.group(1)}')")
        return f"no new size for {f['id']} (say e.g. '{word} 8 mm')"

    def new_hole_size(self, existing: list[dict]) -> bool:
        """Do the words give a hole size none of ``existing`` has ('6 mm', 'M5')?"""
        have = {f["size"] for f in existing}
        ms = M_SIZE.search(self.t)
        if ms and not any(isinstance(h, str) and h.startswith(f"M{ms.group(1)} ") for h in have):
            return True
        for it in self.free():
            after = self.t[it.num.end:it.num.end + 16]
            if it.role in ("size", "diameter") or it.role is None and (it.num.unit or re.search(
                    r"\bholes?\s*[,:(]\s*$", self.t[:it.num.start])) and not re.match(
                    r"\s*(?:mm\s*)?(?:apart|pcd|bolt|circle|in\b|from|spacing|pitch|deep|long|wide)", after):
                if not any(isinstance(h, (int, float)) and math.isclose(h, self.num_mm(it)) for h in have):
                    return True
        return False

    def add_features(self, same_as: dict | None = None) -> None:
        t, place = self._relative_places(self.t)
        have = {f["kind"] for f in self.spec.get("features", [])}
        for s_, e_, p_, name in find("features", t):
            # "holes on a 30 PCD around the boss": the boss that is there, a place, not a new one
            if name == "hole" and EDGE_VERB.search(t) and (re.search(r"\b(?:on|around|of)\s+(?:the|each|every|all)\s+(?:\w+\s+)?$",
                                                                 t[:s_]) or re.match(r"\s*(?:edges?|rims?)\b", t[e_:])):
                continue        # "a 1 mm chamfer on the holes": their rims (an edge set), not a place for a new one
            if name in have and re.search(r"\b(?:around|on|of|to|at|near|next to|beside|inside|in|into|through|"
                                          r"from|over)\s+(?:the|that|this|those|each|every)\s+(?:\w+\s+)?$", t[:s_]) \
                    and not ADD_VERB.search(t[max(0, s_ - 12):s_]):
                t = t[:s_] + " " * (e_ - s_) + t[e_:]
        # "2 Ø14 holes through the plate 20 from each end": the part there named, no body said again (a body word
        # would take the numbers after it as the part's); blanked in place (the numbers keep their positions)
        # ("standing 15 above the plate": the boss's height; "4X Ø14 thru the flange" of a flange: the holes' size)
        names = "plate|block|part|body|piece|slab|disc|disk" + ("|flange" if self.spec["body"]["kind"] in (
            "cylinder", "tube") else "")
        t = re.sub(rf"\b(?:through|thru|in|into|across|on|above|over)\s+(?:the|this|that)\s+({names})\b(?!'s)",
                   lambda m: m.group(0)[:m.start(1) - m.start(0)] + " " * len(m.group(1)), t)
        tagging = Tagging(t, [it for it in self.tagging.items if it.num.start not in self.used], self.tagging.groups)
        cls = clauses(t, tagging)
        body_t, feats = targets(cls, tagging.groups, self.k, None)
        bd = Build(t, body_t, feats, None)
        bd.unit_mm = self.k
        bd.ids = {f["id"] for f in self.spec.get("features", [])} | {self.spec["body"].get("id", "body")}
        if re.search(r"\bsame (?:bore|hole)|existing (?:bore|hole)|\b(?:carry|continue|extend|run|take|bring) (?:the|its|that) "
                     r"(?:bore|hole)\b|\bthe (?:(?:cent(?:er|re)|middle|central|main) )?(?:bore|hole) (?:should |must |will |to |has to |needs to )?"
                     r"(?:all the way )?(?:through|thru|goes?|runs?|continues?)\b|"
                     r"\b(?:the\s+|with the\s+)?(?:[\d.]+\s*(?:mm\s*)?)?(?:(?:cent(?:er|re)|middle|central|main|existing)\s+)?bore\s+"
                     r"(?:should\s+|must\s+|will\s+|has to\s+|needs to\s+)?(?:go|goes|going|run|runs|running|continue|continues|"
                     r"carried|carry)\s+(?:on\s+)?(?:all the way\s+)?(?:through|thru)\b", t) and self.feats("hole"):
            # "carry the bore all the way through it": the hole there, not a new one
            bd.feats = [f for f in bd.feats if f.kind not in ("hole", "bore") or f.roles or f.loose]
        bare = [f for f in bd.feats if not f.roles and not f.loose]
        if len(bd.feats) == 1 and bare and len(body_t.loose) == 1 and not body_t.roles:
            # "round the corners of the plate a bit, like 4 mm": the one number is the one feature's
            bare[0].loose.append(body_t.loose.pop())
        if any(f.kind in ("fillet", "chamfer") for f in bd.feats):
            # "put a 2 mm chamfer on the bore": the bore is where it goes, not a new hole
            bd.feats = [f for f in bd.feats if f.kind not in ("hole", "bore") or not (re.search(
                r"\b(?:on|of|around|to|at|round) (?:the|that|those|each|every|all(?: the)?) (?:\w+ )?$", t[:f.start]) or re.match(
                r"(?:holes?|bores?)\s+(?:edges?|rims?)\b", t[f.start:]))]
        features(bd, _body_for_features(self.spec["body"]))
        secs = self.spec["body"].get("sections") or []
        for f in bd.features:
            at = f.get("at") or {}
            if f["kind"] == "hole" and at.get("kind") == "bolt_circle" and "on" not in f and len(secs) >= 2 and \
                    at["diameter"] > secs[-1]["diameter"] and secs[0]["diameter"] > at["diameter"]:
                f["on"] = "bottom"     # "four Ø9 holes in the flange on a Ø62 bolt circle": through the flange at z = 0
                bd.notes.append(f"the holes on the Ø{at['diameter']:g} circle go through the flange, from its face")
        placed_new = [f for f in bd.features if f["kind"] in ("hole", "slot", "pocket", "boss")]
        self._in_each_pocket(placed_new, bd, self.t)
        if place is not None and len(placed_new) == 1 and (placed_new[0].get("at") or {"kind": "center"})["kind"] == "center":
            placed_new[0]["at"] = place       # "30 to the right of the hole"
        same = re.search(r"\bsame (?:size|diameter|hole)|\b(?:a |one )?(?:second|third|fourth|fifth|sixth|another|one more|"
                         r"an extra|1 more)\s+(?:\w+\s+)?holes?\b", t)
        holes = self.feats("hole")
        if same and holes:       # "a third hole in the middle, same size", "add a third hole": the size of those there
            for f in bd.features:
                if f["kind"] == "hole" and f["id"] in bd.assumed:
                    f["size"] = holes[-1]["size"]
                    bd.notes = [n for n in bd.notes if not n.startswith("no diameter for")]
        if same_as is not None:
            key = "radius" if same_as["kind"] == "fillet" else "size"
            for f in bd.features:
                if f["kind"] == same_as["kind"] and f["id"] in bd.assumed:
                    f[key] = same_as[key]       # "as well": the size of the one there
                    bd.notes = [n for n in bd.notes if f"no {same_as['kind']} size" not in n]
        self.out.notes += bd.notes
        self.out.failed += bd.missing
        for f in bd.features:
            if f["kind"] in ("fillet", "chamfer"):
                side = re.search(r"\b(?:outside|outer)\s+(top|bottom)\b|\b(top|bottom)\s+outside\b", t)
                if f["edges"] == "outer" and side:
                    f["edges"] = side.group(1) or side.group(2)    # "the outside bottom edge": that outline
                elif f["edges"] == "outer" and re.search(r"\b(?:upright|vertical|standing)\s+(?:corners|edges)\b", t):
                    f["edges"] = "vertical"        # "the 4 upright corners on the outside": the vertical ones
                f["edges"] = outer_if_holes(f["edges"], self.spec.get("features", []), self.out.notes)
            shells = [g for g in self.spec.get("features", []) if g["kind"] == "shell"]
            if f["kind"] == "fillet" and f.get("edges") == "vertical" and shells and f["radius"] > shells[0]["thickness"]:
                data = copy.deepcopy(self.spec)
                data["features"].insert(data["features"].index(shells[0]), f)
                self.apply(f"added {_describe(f)} (before the shell: it rounds the outline)",
                           lambda s, d=data: ops.parse(d))
                continue
            if f["kind"] == "shell" and f.get("open_face") == "top" and not any(re.search(
                    r"\bopen|\btop\b|\bno (?:top|lid)\b|\bcup\b|\btray\b|\bbox\b|\bbottom\b", x) for x in (t, self.t)):
                self.out.notes.append("open at the top (say 'closed' for a sealed hollow)")
            if f["kind"] == "shell" and self.spec.get("features"):
                # a shell hollows the body first: holes, chamfers and the rest then cut the walls; a rounding of the
                # vertical edges larger than the walls stays outside it (rounded first, then hollowed: the inside corners
                # keep what is left of the radius)
                data = copy.deepcopy(self.spec)
                lead = 0
                while lead < len(data["features"]) and data["features"][lead]["kind"] in ("fillet", "chamfer") and \
                        data["features"][lead].get("edges") in ("vertical", "outer") and \
                        (data["features"][lead].get("radius") or data["features"][lead].get("size") or 0) > f["thickness"]:
                    lead += 1
                data["features"].insert(lead, f)
                self.apply(f"added {_describe(f)} (hollowed first; the other features cut its walls)",
                           lambda s, d=data: ops.parse(d))
                continue
            body_ = self.spec["body"]
            shelled = [g for g in self.spec.get("features", []) if g["kind"] == "shell" and g.get("open_face") in ("top", None)]
            each = re.search(r"\b(?:in|on|through)\s+(?:each|both|the two|either)\s+(ends?|sides?|long sides?|short sides?)\b", t)
            if f["kind"] == "hole" and body_["kind"] == "box" and shelled and each and f.get("on", "top") == "top" and \
                    f.get("depth") is None and (f.get("at") or {"kind": "center"})["kind"] == "center":
                # "a 10 mm hole in each end" of an open box: one hole through both end walls (the sides: front and back)
                face = "left" if each.group(1).startswith(("end", "short")) else "front"
                f = {**f, "on": face}
                self.out.notes.append(f"the hole goes through both {'end' if face == 'left' else 'side'} walls")
            elif f["kind"] == "hole" and body_["kind"] == "box" and shelled and f.get("depth") is None and \
                    f.get("on") in ("front", "back", "left", "right"):
                # "a 12 mm hole in the front" of an open box: through that one wall, not on through the far one
                f = {**f, "depth": shelled[0]["thickness"]}
                self.out.notes.append(f"the hole goes through the one {f['on']} wall ({fmt(shelled[0]['thickness'])} mm)")
            if f["kind"] == "hole" and body_["kind"] == "profile" and body_.get("shape") == "U" and \
                    f.get("on", "top") in ("top", "front") and f.get("depth") is None and re.search(
                        r"\b(?:each|both|the|either)\s+(?:side|arm|wall|upright|flange)s?\b|\bside walls?\b", t) and \
                    not re.search(r"\b(?:base|bottom|floor|web)\b", t):
                # "a Ø6 hole in each side, halfway up" a U bracket: one hole through both side walls
                f = {**f, "on": "left"}
                self.out.notes.append(f"the {f['id']} hole goes through both side walls (from the left)")
            boss = next((g for g in self.spec.get("features", []) if g["kind"] == "boss" and g.get("diameter")
                         and g.get("on", "top") == "top" and (g.get("at") or {"kind": "center"})["kind"] == "center"), None)
            if f["kind"] == "hole" and boss is not None and f.get("depth") is None and f.get("on", "top") == "top" and \
                    (f.get("at") or {"kind": "center"})["kind"] == "center" and _size_mm(f) is not None and \
                    _size_mm(f) < boss["diameter"] and self.spec["body"]["kind"] in ("cylinder", "box", "rounded_rect"):
                # "a 6mm hole through the boss, all the way through the disc too": down through both, from the body's top
                f = {**f, "on": {"plane": "XY", "offset": _height(self.spec["body"])}}
                self.out.notes.append(f"the Ø{fmt(_size_mm(f))} hole goes through {boss['id']} and the "
                                      f"{self.spec['body'].get('id', 'body')}")
            self.apply(f"added {_describe(f)}", ops.add_feature, f)
            through_hub = f["kind"] == "boss" and str(f.get("id", "")).startswith("hub") and not re.search(
                r"\b(?:solid|blind|no (?:bore|hole)|closed)\b", t) and any(
                g["kind"] == "hole" and g.get("depth") is None and (g.get("at") or {"kind": "center"})["kind"] == "center"
                and isinstance(g.get("on", "top"), str) and (_size_mm(g) or 1e9) < (f.get("diameter") or 0)
                for g in self.spec["features"])
            if through_hub and not re.search(r"same bore|bore going through|through (?:it|both|the hub)", t):
                self.out.notes.append(f"the bore goes on through the new {f['id']} (a hub on a bored part)")
            if f["kind"] == "boss" and (through_hub or re.search(r"same bore|bore going through|through (?:it|both|the hub)", t)):
                for h in [g for g in self.spec["features"] if g["kind"] == "hole" and
                          g.get("at", {"kind": "center"}).get("kind") == "center"]:
                    data = copy.deepcopy(self.spec)
                    # cut after the hub, down from the hub's top face, so it goes through both
                    top = _height(data["body"]) + f["height"]
                    h = {**h, "on": {"plane": "XY", "offset": top}}
                    data["features"] = [g for g in data["features"] if g["id"] != h["id"]] + [h]
                    self.apply(f"{h['id']} now also goes through {f['id']}", lambda s, d=data: ops.parse(d))
        mine = {id(v.raw) for r, vs in body_t.roles.items() if r not in ("count", "angle", "ref") for v in vs} | \
            {id(v.raw) for v in body_t.loose}
        made = _numbers(bd.features) | {4.0 for f in bd.features if (f.get("at") or {}).get("kind") == "corners"} | bd.placed
        dims = [float(v) for v in self.spec["body"].values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        for f in bd.features:
            # "a cross hole 10 from one end": placed by its distance from an end (the point is measured from the middle)
            pts = (f.get("at") or {}).get("points") or []
            for pt in pts:
                # (and from the far edge: "20 and 45 mm from the outside corner" of a 60 leg is -10 and +15)
                made |= {round(d / 2 - abs(c), 6) for c in pt for d in dims if d / 2 - abs(c) > 0}
                made |= {round(d / 2 + abs(c), 6) for c in pt for d in dims}
            if len(pts) > 1:
                made.add(float(len(pts)))        # ("two 10 mm holes ..., 20 and 45 from the corner": two places)
            at = f.get("at") or {}
            if at.get("kind") == "from_edge" and isinstance(at.get("along"), (int, float)):
                # "25 from the left edge and 20 from the front": the second distance is where 'along' puts it
                made |= {round(d / 2 - abs(at["along"]), 6) for d in dims if d / 2 - abs(at["along"]) > 0}
            if at.get("kind") == "linear" and isinstance(at.get("spacing"), (int, float)):
                # "a 5 mm hole 20 from both ends": a row's distance from the ends it runs between
                half = (at["count"] - 1) * at["spacing"] / 2 + abs((at.get("center") or [0, 0])[0 if at.get("axis", "u") == "u"
                                                                                                 else 1])
                made |= {round(d / 2 - half, 6) for d in dims if d / 2 - half > 0}
        full = self.spec["body"].get("height") or sum(s_["length"] for s_ in self.spec["body"].get("sections") or [])
        for f in bd.features:
            if f["kind"] == "groove" and isinstance(f.get("z"), (int, float)) and full:
                # "a groove ..., 15 from the right end": its distance from either end
                made |= {round(f["z"], 6), round(full - f["z"] - f["length"], 6)}
        if any(f["kind"] in ("keyway", "flat", "groove") or f.get("edges") == "shoulders" for f in bd.features):
            # ("a fillet at the shoulder between the Ø25 and Ø18": the sections named)
            # "a keyway in the 25 part": the number names the section it goes in
            made |= {float(s_["diameter"]) for s_ in self.spec["body"].get("sections") or []}
        unplaced = []
        for it in tagging.items:       # the feature builder used these (the body's numbers are the sizes' to take)
            if id(it) in mine or it.via == "names a face":      # ("through the 80 x 80 face": where, not a size)
                continue
            self.used.add(it.num.start)
            edge_count = it.role == "count" and (it.num.value == 1 or all(f["kind"] in ("fillet", "chamfer")
                                                                       for f in bd.features))
            # a distance ('10mm from both edges') is placed only by that distance, not by a size twice or half it
            # (a radius for a diameter): a 5 mm hole does not carry a '10 from the edges' its inset was assumed for
            apart = re.match(r"\s*(?:mm|cm|in|inch(?:es)?|\")?\s*(?:in\s+)?(?:away\s+)?(?:from|apart|off)\b",
                             t[it.num.end:])
            near = made if apart else made | {y * 2 for y in made} | {y / 2 for y in made}
            if bd.features and not edge_count and not re.search(r"[m#]\s*$", t[:it.num.start]) and not any(
                    math.isclose(x, v, rel_tol=1e-6, abs_tol=1e-6) for v in (it.num.value, self.num_mm(it))
                    for x in near):
                unplaced.append(it.num.text.strip())
        if unplaced:
            # a number the new feature does not carry ('1" from the left end' with the hole centred) was not placed:
            # the part without it is not what was asked
            self.out.failed.append("I did not see where " + ", ".join(repr(x) for x in unplaced) + " goes in the new "
                                   + " / ".join(dict.fromkeys(f["kind"] for f in bd.features)))

    def _in_each_pocket(self, placed_new: list[dict], bd: Build, t: str) -> None:
        """'a Ø16 hole through the floor of each pocket, at the pocket centre': the hole at every pocket's centre (one
        hole at the part's centre would miss pockets placed off it)."""
        pockets = [f for f in self.spec.get("features", []) if f["kind"] == "pocket" and f.get("on", "top") == "top"]
        holes = [f for f in placed_new if f["kind"] == "hole"]
        if not pockets or len(holes) != 1 or (holes[0].get("at") or {"kind": "center"})["kind"] != "center" or \
                not re.search(r"\b(?:in|through|into|at|on)\s+(?:the\s+(?:floor|bottom|cent(?:er|re)|middle)\s+of\s+)?"
                              r"(?:each|every|both|the|that|this)\s+(?:\w+\s+)?pockets?\b|\bpocket(?:'s)?\s+(?:floor|cent(?:er|re)s?)\b", t):
            return
        hole = holes[0]
        places = [p.get("at") or {"kind": "center"} for p in pockets]
        hole["at"] = copy.deepcopy(places[0])
        for k, at in enumerate(places[1:], start=2):
            more = {**copy.deepcopy(hole), "id": bd.fid(hole["id"].rstrip("_0123456789") or "hole"), "at": copy.deepcopy(at)}
            bd.features.insert(bd.features.index(hole) + k - 1, more)
        n = sum(_count(at) or 1 for at in places)
        bd.notes[:] = [x for x in bd.notes if not x.startswith("no place given for the hole")]
        bd.notes.append(f"{'a hole' if n == 1 else f'{n} holes'} at the centre of {'the pocket' if n == 1 else 'each pocket'}")

    def free_grid(self) -> re.Match | None:
        """The 'A x B' grid said, unless its numbers were taken already (the place of 'holes 7mm on a 30 x 20 grid'
        changed before its size)."""
        grid = GRID.search(self.t)
        if grid and all(it.num.start in self.used for it in self.tagging.items if grid.start() <= it.num.start < grid.end()):
            return None
        return grid

    def change_holes(self, holes: list[dict]) -> None:
        b0 = self.spec["body"]
        if re.search(r"\b(?:bolt\s+circle|pcd|b\.?c\.?d\.?|pitch circle)\b", self.t) and not any(
                (h.get("at") or {}).get("kind") == "bolt_circle" for h in holes) and not any(
                it.role == "pcd" for it in self.free()) and not re.search(
                r"\d\s*(?:mm\s*)?(?:dia\w*\s+)?(?:pcd|bcd|b\.c\.d|bolt\s+circle|pitch circle)\b|"
                r"\b(?:pcd|bcd|bolt\s+circle|pitch circle)\s*(?:of\s*|=\s*|:\s*|dia\w*\s*)?[ø⌀]?\s*\d", self.t):
            # "change the corner holes to a 6 hole bolt circle": a circle with no diameter (not a guess)
            self.out.failed.append("the bolt circle's diameter (say e.g. '6 holes on a 70 PCD')")
            return
        legs_alike = b0["kind"] == "profile" and len(holes) > 1 and len({(str(h.get("size")), (h.get("at") or {}).get("kind"),
                                                                          (h.get("at") or {}).get("count"))
                                                                         for h in holes}) == 1 and len({str(h.get("on", "top"))
                                                                                                        for h in holes}) == len(holes)
        if len(holes) > 1 and (re.search(r"\b(?:each|both|every|per)\b", self.t) or legs_alike) and not getattr(
                self, "_each", False) and (legs_alike or all((h.get("at") or {"kind": "center"})["kind"] in SINGLE_AT
                                                             for h in holes)):
            # ("3 holes per leg", "holes 30 apart" on a bracket with the same holes in each leg: both legs' holes)
            # "two holes in each leg": the same change to every lone hole named
            used0, used_all = set(self.used), set()
            self._each = True
            for h in holes:
                self.used = set(used0)
                self.change_holes([next(g for g in self.spec["features"] if g["id"] == h["id"])])
                used_all |= self.used
            self.used, self._each = used_all, False
            return
        corner = [h for h in holes if (h.get("at") or {}).get("kind") == "corners"]
        apart = re.search(r"\b(further|farther|more) apart\b|\bcloser (together)?\b", self.t)
        spaced = [h for h in holes if (h.get("at") or {}).get("kind") in ("linear", "grid")]
        if apart and spaced and self.free() and not re.search(r"closer to the", self.t):
            f = spaced[-1]
            it = self.free()[0]
            d = self.take(it) * (1 if apart.group(1) else -1)
            at = copy.deepcopy(f["at"])
            old_s = at["spacing"] if isinstance(at.get("spacing"), list) else [at.get("spacing", 0)]
            if re.search(r"[,:;\-–(]\s*(?:(?:say|to|like|about|so|make it)\s+)*$", self.t[:it.num.start]) and \
                    all((abs(d) - x) * d > 0 for x in old_s):
                # "closer together, 45": the new spacing when it lies that way (said), else how much closer
                self.out.notes.append(f"read {fmt(abs(d))} as the new spacing")
                new_s = [abs(d) for _ in old_s]
            else:
                new_s = [x + d for x in old_s]
            at["spacing"] = new_s if isinstance(at.get("spacing"), list) else new_s[0]
            self.apply(f"{f['id']}: spacing {at['spacing']}", ops.replace_feature, f["id"],
                       {**{k: v for k, v in f.items() if k != "id"}, "at": at})
            return
        further = re.search(r"\b(further|more) (in|inward|out|outward)\b|\bcloser to the (edges?|corners?|middle|cent(?:er|re))\b", self.t)
        if further and corner and self.free():
            f = corner[-1]
            d = self.take(self.free()[0])
            inward = (further.group(2) or "").startswith("in") or (further.group(3) or "").startswith(("middle", "cent"))
            new = f["at"].get("inset", 0) + (d if inward else -d)
            self.apply(f"{f['id']}: {fmt(new)} mm in from the corners", ops.set_parameter, f"{f['id']}.at.inset", new)
            return
        inset = next((it for it in self.free(("inset",))), None)
        if inset is None:
            inset = next((it for it in self.free() if re.match(r"^\s*in\b(?!\s*(?:dia|diameter))",
                                                              self.t[it.num.end:]) or re.search(
                r"\binset\s*(?:of|to|=|:|by)?\s*$", self.t[:it.num.start])), None)
        if inset is not None:
            corner = [h for h in holes if (h.get("at") or {}).get("kind") == "corners"]
            if corner:
                f = corner[-1]
                v = self.take(inset)
                self.apply(f"{f['id']}: {fmt(v)} mm in from the corners", ops.set_parameter, f"{f['id']}.at.inset", v)
                return
        patterned = [h for h in holes if (h.get("at") or {}).get("kind") in ("linear", "grid", "bolt_circle", "corners")]
        # a spacing, a bolt circle or a count is a pattern's: of several hole features, the patterned one
        f = patterned[-1] if patterned and len(patterned) < len(holes) and re.search(
            r"\b(space|spaced|spacing|apart|pitch|pcd|bolt circle|circle|more|(?<![/.])\d+ (?:(?:bolt|mounting|screw|fixing) )?holes|"
            r"\d+ of them)\b", self.t) \
            else holes[-1]
        at = copy.deepcopy(f.get("at") or {"kind": "center"})
        count = next((it for it in self.free(("count",))), None)
        so = re.search(r"so there are (\d+)(?![\d.])|make (?:it|that|them) (\d+)(?![\d./])(?!\s*(?:mm|cm|in|inch(?:es)?|\")?\s*"
                       r"(?:long|wide|thick|tall|high|deep|dia\w*|x|by|across|thk)\b)|(?<![/.\d])(\d+) (?:(?:bolt|mounting|screw|fixing|"
                       r"clearance|tapped) )?"
                       r"(?:holes|of them)", self.t)
        ends = re.search(r"\b([\d./]+)\s*(?:mm\s*)?(?:in\s+)?from\s+(?:each|both|the|either)\s+ends?\b", self.t)
        body0 = self.spec["body"]
        if ends and at.get("kind") == "linear" and at.get("axis", "u") == "u" and (at.get("count") or 0) >= 2 and \
                isinstance(body0.get("length"), (int, float)) and not any(abs(c) > 1e-9 for c in at.get("center") or []):
            # "holes 30 in from each end": the row spread so its end holes sit that far from the ends
            it = next((i for i in self.free() if i.num.start == ends.start(1)), None)
            if it is not None:
                d = self.take(it)
                sp = round((body0["length"] - 2 * d) / (at["count"] - 1), 6)
                g = {x: y for x, y in f.items() if x not in ("id", "at")} | {"at": {**at, "spacing": sp}}
                g["at"].pop("span", None)
                self.apply(f"{f['id']}: {fmt(d)} mm from each end ({fmt(sp)} apart)", ops.replace_feature, f["id"], g)
                return
        grid = self.free_grid()
        if grid and (int(grid.group(1)) * int(grid.group(2)) > 100 or re.match(
                r"\s*(?:mm\s*)?(?:cent(?:er|re)s|apart|spacing|pitch|pattern|square|rectangle|rect|c/c|c-c)\b",
                self.t[grid.end():])) and (_count(at) == 4 or at["kind"] == "grid"):
            # "space the holes 100 x 60", "holes on 100 x 60 centres": the pattern's spacing both ways, not a grid count
            a, b = float(grid.group(1)) * self.k, float(grid.group(2)) * self.k
            body = self.spec["body"]
            if isinstance(body.get("length"), (int, float)) and isinstance(body.get("width"), (int, float)) and \
                    (a - b) * (body["length"] - body["width"]) < 0:
                a, b = b, a           # the longer spacing along the longer side
            for it in self.tagging.items:
                if grid.start() <= it.num.start < grid.end():
                    self.used.add(it.num.start)
            counts = at["counts"] if at["kind"] == "grid" else [2, 2]
            g = {x: y for x, y in f.items() if x not in ("id", "at")}
            g["at"] = {"kind": "grid", "counts": counts, "spacing": [a, b]}
            if "center" in at:
                g["at"]["center"] = at["center"]
            self.apply(f"{f['id']}: {counts[0]} x {counts[1]} on {fmt(a)} x {fmt(b)} centres", ops.replace_feature,
                       f["id"], g)
            return
        if so and grid and grid.start() <= so.start(next(i for i, g in enumerate(so.groups(), 1) if g)) < grid.end():
            so = None         # "make it 4 x 2": the grid, not a count of 4
        if count is not None and grid and grid.start() <= count.num.start < grid.end():
            count = None      # "make it 3 x 2 holes": the grid's, not a count
        n = int(count.num.value) if count else int(next(g for g in so.groups() if g)) if so else None
        twice = re.search(r"\b(double|triple|twice|half) (?:the )?(?:number of |count of )?(?:\w+ )?(?:holes|them)\b|"
                          r"\b(double|triple|halve) (?:the )?hole count\b", self.t)
        if twice and _count(at) and n is None:
            factor = {"double": 2, "twice": 2, "triple": 3, "half": 0.5, "halve": 0.5}[twice.group(1) or twice.group(2)]
            n = int(round(_count(at) * factor))       # "double the bolt holes": twice as many
        more = re.search(r"(?<![/.])\b(\d+) (?:more|extra|additional|(?P<less>fewer|less))\b", self.t)
        if more and not re.search(r"so there are", self.t) and (_count(at) or at["kind"] in SINGLE_AT):
            # "add two more holes": on top of those there; "two fewer holes": that many less
            n = (_count(at) or 1) + (-1 if more.group("less") else 1) * int(more.group(1))
            if n < 1:
                self.out.failed.append(f"{more.group(0)} would leave no holes")
                return
            for it in self.free():
                if it.num.start == more.start(1):
                    self.used.add(it.num.start)
        if count:
            self.used.add(count.num.start)
        if so:
            for it in self.tagging.items:
                if int(it.num.value) == n:
                    self.used.add(it.num.start)
        grid = self.free_grid()
        spacing = next((it for it in self.free(("spacing",))), None) or next(
            (it for it in self.free((None, "size")) if re.search(r"\b(?:space|spaced|spread)\b(?: (?:them|the holes|it|those))?(?: out| apart| "
                                                          r"further apart)?(?: to| at| by)?\s*$", self.t[:it.num.start])), None)
        pcd = next((it for it in self.free(("pcd",))), None)
        body = self.spec["body"]
        own_bore = body["kind"] == "tube" or isinstance(body.get("bore"), (int, float))
        size = next((it for it in self.free(("size", "diameter") + (() if own_bore else ("inner",))) if it is not spacing),
                    None) or next(
            (it for it in self.free((None,)) if it is not spacing and re.search(r"\b(?:holes?|them|those|ones?)\s*(?:to|at|of|=|:|should be|be|become|are|is|"
                                                          r"can be|could be|at|now)?\s*$",
                                                          self.t[:it.num.start])), None)
        if size is not None and grid and grid.start() <= size.num.start < grid.end():
            size = None       # "make it 3 x 2 holes": the grid's number, not a size
        what = []
        if grid:
            pair = _pair(at.get("spacing"))
            b_ = self.spec["body"]
            if at["kind"] == "corners" and isinstance(at.get("inset"), (int, float)) and all(
                    isinstance(b_.get(k), (int, float)) for k in ("length", "width")) and min(
                    int(grid.group(1)), int(grid.group(2))) > 1:
                # corner holes made a grid: it spans what the corners spanned
                nu, nv = int(grid.group(1)), int(grid.group(2))
                pair = [round((b_["length"] - 2 * at["inset"]) / (nu - 1), 6), round((b_["width"] - 2 * at["inset"]) / (nv - 1), 6)]
                self.out.notes.append(f"the grid spans what the corner holes spanned ({fmt(pair[0])} x {fmt(pair[1])} apart)")
            nu, nv = int(grid.group(1)), int(grid.group(2))
            if at["kind"] == "grid" and (nu - nv) * (at["counts"][0] - at["counts"][1]) < 0:
                nu, nv = nv, nu          # "3x5 grid" after a 2 x 4 one: the longer row where the longer row was
            span = re.search(r"\b(?:on|in|over|across|within)\s+the\s+same\s+(?:[\d.]+\s*(?:mm\s*)?)?(?:square|rectangle|pattern|"
                             r"span|area|footprint|spacing)\b", self.t)
            if span and at["kind"] == "grid" and min(nu, nv) > 1:
                # "a 3 by 3 grid on the same 60 square": the rows spread over what they spanned
                old = [(c - 1) * sp for c, sp in zip(at["counts"], pair)]
                pair = [round(old[0] / (nu - 1), 6), round(old[1] / (nv - 1), 6)]
                self.out.notes.append(f"the grid spans what it spanned ({fmt(old[0])} x {fmt(old[1])}: {fmt(pair[0])} x "
                                      f"{fmt(pair[1])} apart)")
                for it in self.free():
                    if span.start() <= it.num.start < span.end():
                        self.used.add(it.num.start)
            at = {"kind": "grid", "counts": [nu, nv], "spacing": pair}
            for it in self.tagging.items:
                if grid.start() <= it.num.start < grid.end():
                    self.used.add(it.num.start)
            what.append(f"a {nu} x {nv} grid")
        if spacing is not None:
            s = self.take(spacing)
            if at["kind"] == "grid":
                at["spacing"] = [s, s]
            elif at["kind"] == "linear":
                at["spacing"] = s
                at.pop("span", None)
            elif at["kind"] == "bolt_circle":
                at["diameter"] = s      # "spread them out to 50" on a bolt circle: its diameter
                what.append(f"on a Ø{fmt(s)} bolt circle")
                s = None
            elif n is None or n < 2:
                self.out.failed.append(f"{f['id']} is one hole: it has no spacing (say how many, e.g. '2 holes, "
                                       f"{fmt(s)} apart')")
                return
            else:
                # a lone hole made a row that far apart: along the longer room its face (an L's leg) leaves, through where
                # it was (not across a leg it would run off)
                said = len(self.out.notes)
                at = {**self.row_from_lone(f, n), "spacing": s}
                del self.out.notes[said:]
            if s is not None:
                what.append(f"spacing {fmt(s)} mm")
        if pcd is not None:
            d = self.take(pcd)
            at = {"kind": "bolt_circle", "count": n or _count(at) or 4, "diameter": d,
                  "start_angle": at.get("start_angle", 0.0)}
            what.append(f"on a Ø{fmt(d)} bolt circle")
        elif at["kind"] != "bolt_circle" and re.search(r"\b(?:bolt\s+circle|pcd|b\.?c\.?d\.?|pitch circle)\b", self.t):
            # "change the corner holes to a 6 hole bolt circle": a circle with no diameter (not a guess)
            self.out.failed.append("the bolt circle's diameter (say e.g. '6 holes on a 70 PCD')")
            return
        per_row = re.search(r"\b(?:per|in each|each|a|in every)\s+row\b", self.t)
        if n is not None and per_row and at["kind"] == "grid":
            # "four holes per row, 30 pitch" on 2 rows of 3: rows of 4, that pitch along them, the rows kept apart
            old_pair = _pair((f.get("at") or {}).get("spacing"))
            at = {**at, "counts": [n, at["counts"][1]]}
            if spacing is not None:
                at["spacing"] = [at["spacing"][0], old_pair[1]]
            what.append(f"{n} holes per row ({n * at['counts'][1]} in all)")
            n = None
        if n is not None:
            if at["kind"] in ("linear", "bolt_circle"):
                at["count"] = n
            elif at["kind"] == "corners" and not (n % 2 == 0 and n >= 4):
                self.out.failed.append(f"{n} holes do not make a corner pattern; say where they go (e.g. '{n} holes "
                                       "in a row, 30 apart')")
                return
            elif at["kind"] == "corners" and n % 2 == 0 and n >= 4:
                body = self.spec["body"]
                ins = at.get("inset") or 0.0
                L, W = body.get("length"), body.get("width")
                if L and W:
                    at = {"kind": "grid", "counts": [n // 2, 2],
                          "spacing": [round((L - 2 * ins) / (n // 2 - 1), 4), W - 2 * ins]}
            elif at["kind"] == "grid" and at["counts"][0] * at["counts"][1] != n:
                self.out.failed.append(f"{n} holes do not fill the {at['counts'][0]} x {at['counts'][1]} grid; "
                                       "say the grid, e.g. 'go 4x4'")
                return
            elif at["kind"] in ("center", "at", "from_edge", "from_corner") and n == len(at.get("points") or [0]):
                # "make it one hole" on one hole: its count already (it was made a 'row of one' in the middle)
                self.out.done.append(f"{f['id']} is already {n} hole{'s' if n > 1 else ''}")
                n = None
            elif at["kind"] in ("center", "at", "from_edge", "from_corner"):
                at = self.row_from_lone(f, n)
            if n is not None:
                what.append(f"{n} holes")
        g = {x: y for x, y in f.items() if x != "id"}
        g["at"] = {x: y for x, y in at.items() if y is not None}
        ms = M_SIZE.search(self.t)
        if not what and size is None and not ms:
            if not any(d.startswith(f"{f['id']} is already ") for d in self.out.done):
                self.out.failed.append(f"no change to {f['id']} I could read (a count, a spacing, a bolt circle or a size)")
            return
        if size is not None and re.search(r"\b(?:move|moved|shift|further|farther|closer|away|towards?|nearer)\b", self.t) \
                and not re.search(r"(?:ø|\bdia\w*|\bsize)\s*$", self.t[:size.num.start]) and not re.match(
                    r"\s*(?:mm\s*)?(?:ø|dia\w*|diameter|holes?)\b", self.t[size.num.end:]):
            # "move the holes 5 mm further from the bend": a distance, not the holes' size
            self.out.failed.append(f"{fmt(self.num_mm(size))} mm: a size or a place for {f['id']}? (a move like that is "
                                   "not read here; say e.g. 'holes 8 mm' or 'move the holes 5 mm to the left')")
            return
        if size is not None:
            g["size"] = self.take(size)
            what.append(f"Ø{fmt(g['size'])}")
        elif ms:
            g["size"] = f"M{ms.group(1)} " + ("tapped" if re.search(r"\btap|\bthread", self.t) else "clearance")
            what.append(g["size"])
        depth = next(iter(self.free(("depth",))), None)
        if depth is not None and (size is not None or ms):
            g["depth"] = self.take(depth)       # "make those four M8 tapped holes, 20 deep" (the 20 was unread)
            what.append(f"{fmt(g['depth'])} deep")
        old_at = f.get("at") or {}
        if n is not None and spacing is None and g["at"].get("kind") == "linear" and old_at.get("kind") == "linear" and \
                isinstance(old_at.get("spacing"), (int, float)) and (old_at.get("count") or 0) >= 2 and n >= 2:
            try:
                ops.replace_feature(self.spec, f["id"], g)
            except (SpecError, ops.OpError, KeyError, ValueError):
                if any(n_.startswith("kept as it is") and re.search(r"spacing|pitch|centres|centers", n_)
                       for n_ in self.out.notes):
                    # "5 holes, same spacing" with no room for them at that spacing: the spacing was said to stay
                    self.out.failed.append(f"{n} holes {fmt(old_at['spacing'])} apart do not fit on the part; say a "
                                           "new spacing, or fewer holes")
                    return
                # "make it three holes" on a row that has no room for a third at that spacing: the same span, said
                span = old_at["spacing"] * (old_at["count"] - 1)
                g["at"]["spacing"] = round(span / (n - 1), 6)
                what.append(f"over the same {fmt(span)} mm ({fmt(g['at']['spacing'])} apart)")
        self.apply(f"{f['id']}: " + ", ".join(what), ops.replace_feature, f["id"], g)

    def row_from_lone(self, f: dict, n: int) -> dict:
        """A lone hole made ``n`` holes with no spacing said: a row through where it was, along the longer room its face
        (an L's leg) leaves, evenly spaced in that room (said)."""
        from ..part import parse as parse_spec
        from ..part.plan import resolve_feature
        from ..part.predict import leg_span

        try:
            r = resolve_feature(self.spec, f["id"])
        except ValueError:
            r = None
        if r is None or r.frame is None or not r.points:
            self.out.notes.append("no spacing given: 10 mm assumed")
            return {"kind": "linear", "count": n, "spacing": 10.0}
        (u0, v0), (hu, hv) = r.points[0], r.frame.half
        body = self.spec["body"]
        span = leg_span(parse_spec(self.spec).body, r.frame.name) if body["kind"] == "profile" else None
        room_u = (span[1] - span[0]) if span else 2 * hu
        axis = "u" if room_u >= 2 * hv else "v"
        room = room_u if axis == "u" else 2 * hv
        centre = [((span[0] + span[1]) / 2 if span else 0.0) if axis == "u" else u0, v0 if axis == "u" else 0.0]
        spacing = round(room / n, 1)
        self.out.notes.append(f"no spacing given: {fmt(spacing)} mm assumed, the row along the "
                              f"{'longer' if room_u != 2 * hv else ''} side of its face, centred there".replace("  ", " "))
        return {"kind": "linear", "count": n, "spacing": spacing, "axis": axis, "center": [round(c, 6) for c in centre]}

    def _bore_through_boss(self) -> bool:
        """Is there a boss with a centre hole cut after it (the bore carried through a hub just added)?"""
        feats = self.spec.get("features", [])
        bosses = [i for i, f in enumerate(feats) if f["kind"] == "boss"]
        return bool(bosses) and any(f["kind"] == "hole" and (f.get("at") or {"kind": "center"})["kind"] == "center"
                                    and i > bosses[-1] for i, f in enumerate(feats))

    def change_feature(self, k: str, existing: list[dict]) -> None:
        f = existing[-1]
        nums = self.free()
        if f["kind"] == "v_groove" or f.get("shape") == "v":
            self.change_v_groove(f, nums)
            return
        ms = M_SIZE.search(self.t)
        way = re.search(r"\b(?:the long way|lengthwise|lengthways|end to end|along (?:the|its) length|from (?:the|one) end)\b|"
                        r"\b(?:the short way|widthwise|side to side|front to back|across the width|from the side)\b|"
                        r"\b(?:top to bottom|vertical(?:ly)?|straight down|from the top)\b",
                        re.sub(r"\bnot\s+[^,.;]*", " ", self.t))      # ("..., not top to bottom": the way it is now)
        body = self.spec["body"]
        if f["kind"] == "hole" and len(existing) == 1 and way and body["kind"] == "box" and re.search(
                r"\b(?:through|thru|go|goes|run|runs|drill(?:ed)?)\b", self.t) and \
                (f.get("at") or {"kind": "center"})["kind"] == "center" and f.get("depth") is None and \
                not [it for it in nums if not any(math.isclose(self.num_mm(it), float(body[x]), abs_tol=1e-6)
                                                  for x in ("length", "width", "height"))]:
            # "no - I meant the hole should go through the long way, the 50, not top to bottom": the same hole, turned
            w = way.group(0)
            face = "left" if re.search(r"long|length|end", w) else "front" if re.search(
                r"short|width|side|front", w) else "top"
            self.used.update(it.num.start for it in nums)      # ('the 50': the part's length, which way it runs)
            if f.get("on", "top") == face:
                self.out.failed.append(f"{f['id']} already goes that way")
                return
            self.apply(f"{f['id']}: through the {'length' if face == 'left' else 'width' if face == 'front' else 'height'}",
                       ops.replace_feature, f["id"], {x: y for x, y in f.items() if x not in ("id", "on")} | {"on": face})
            return
        if f["kind"] == "hole" and not nums and re.search(r"\bthrough\b|all the way", self.t) and not re.search(
                r"\bm\d|\btap(?:ped)?\b|\bthread|counterbor|countersink|\bcsk\b|\bc'?bore\b|\bc'?sink\b", self.t):
            # (not "make it a tapped M10 hole, through": a hole of another kind, through as it was)
            for h in existing:
                if "depth" in h:
                    self.apply(f"{h['id']}: through", ops.replace_feature, h["id"],
                               {k: v for k, v in h.items() if k not in ("id", "depth")})
            if any(" now also goes through " in d for d in self.out.done):
                return          # (the bore carried on through the boss this change adds: done there)
            feats = self.spec.get("features", [])
            boss = next((g for g in reversed(feats) if g["kind"] == "boss" and g.get("on", "top") == "top" and
                         (g.get("at") or {"kind": "center"})["kind"] == "center" and g.get("diameter")), None)
            under = [h for h in existing if h.get("depth") is None and isinstance(h.get("on", "top"), str) and
                     h.get("on", "top") == "top" and (h.get("at") or {"kind": "center"})["kind"] == "center" and
                     boss is not None and feats.index(h) < feats.index(boss) and (_size_mm(h) or 1e9) < boss["diameter"]]
            if under and re.search(r"\bthrough (?:it|both|the (?:boss|hub|top))\b|\b(?:too|as well|also)\b", self.t):
                # "..., bore through it too" right after a boss was put on the bored disc: the bore carried up through it
                for h in under:
                    data = copy.deepcopy(self.spec)
                    g = {**h, "on": {"plane": "XY", "offset": _height(data["body"]) + boss["height"]}}
                    data["features"] = [x for x in data["features"] if x["id"] != h["id"]] + [g]
                    self.apply(f"{h['id']} now also goes through {boss['id']}", lambda s, d=data: ops.parse(d))
                return
            if not self.out.done:
                # "bore goes through it too" after the hub was added with its bore through it: said, nothing to do
                (self.out.notes if re.search(r"\b(?:too|as well|also)\b", self.t) or any(
                    "goes through" in d for d in self.out.done) or self._bore_through_boss()
                 else self.out.failed).append("the holes already go through")
            return
        if f["kind"] == "hole":
            g = {x: y for x, y in f.items() if x != "id"}
            if ms and not [it for it in nums if it.role not in BODY_ROLES and it.role != "depth"]:
                # "plate 8 thick, corner holes M6": the body's number is the body's
                g["size"] = f"M{ms.group(1)} " + ("tapped" if re.search(r"\btap|\bthread", self.t) else "clearance")
                depth = next((it for it in nums if it.role == "depth"), None)
                if depth is not None:
                    g["depth"] = self.take(depth)       # "make them M8 tapped 12 deep"
            elif nums:
                depth = next((it for it in nums if it.role == "depth"), None)
                if depth is None and re.search(r"\b(?:deeper|shallower|depth)\b", self.t):
                    depth = next((it for it in nums if it.role is None), None)    # "deeper holes, 20"
                # "make the plate 10 thick and the holes 7": a number the body's words claim is not the hole's
                size = next((it for it in nums if it is not depth and it.role not in BODY_ROLES), None)
                if size is None and depth is None:
                    self.out.failed.append(self.no_size(f))
                    return
                if size is not None and re.search(r"\b(left|right|from the|in from|apart|spacing|pitch|"
                                                  r"further|farther|closer|along)\b",
                                                  PLACE_REF.sub(" ", self.t) if self.only else re.sub(
                                                      r"\b(?:left|right|front|back|rear)(?:-?most)?\s+(?:\w+\s+)?(?:holes?|"
                                                      r"bores?|one)\b", " ", self.t)) and \
                        not (size.role in ("size", "diameter") or size.role == "inner" and size.via != "hole"):
                    self.out.failed.append(f"{fmt(self.num_mm(size))} mm: a size or a place for {f['id']}? "
                                           "(say e.g. 'holes 8 mm' or 'move the hole 10 mm to the left')")
                    return
                if size is not None:
                    g["size"] = self.take(size)
                if depth is not None:
                    g["depth"] = self.take(depth)
            else:
                self.out.failed.append(self.no_size(f))
                return
            for h in (existing if k != "bore" else [f]):
                gg = {**{x: y for x, y in h.items() if x != "id"}, "size": g["size"]}
                # a new depth is the last hole's, and every blind hole's named with it ("make those end holes 40
                # deep": both end holes; a through hole beside them stays through)
                deepened = "depth" in g and (h is f or "depth" in h)
                if deepened:
                    gg["depth"] = g["depth"]
                what = f"size {g['size'] if isinstance(g['size'], str) else fmt(g['size'])}" + (
                    f", {fmt(gg['depth'])} deep" if deepened else "")
                self.apply(f"{h['id']}: {what}", ops.replace_feature, h["id"], gg)
            return
        key = {"fillet": "radius", "chamfer": "size", "shell": "thickness", "boss": "height", "keyway": "depth",
               "wall_slot": "width",
               "slot": "width", "pocket": "depth"}.get(f["kind"])
        if f["kind"] in ("shell", "fillet", "chamfer"):
            # "make it 80 across, same wall": a number the body's words claim is the body's ("make the shell 5 thick":
            # the number right after the feature's own word is the feature's)
            nums = [it for it in nums if it.role not in BODY_ROLES + ("diameter", "inner") or it.role == "wall" or re.search(
                r"\b(?:shell|walls?|fillets?|rounds?|chamfers?|bevels?)\s*(?:to\s+|at\s+|of\s+|is\s+|now\s+)?$",
                self.t[:it.num.start])]
        # "make the slot 60 long": the field the keyword names, where the feature has it
        verb = re.search(r"\b(lengthen|extend|shorten|widen|narrow|deepen)\b", self.t)
        if verb and f["kind"] in ("slot", "pocket", "wall_slot"):
            key = {"lengthen": "length", "extend": "length", "shorten": "length", "widen": "width", "narrow": "width",
                   "deepen": "depth"}[verb.group(1)]          # "lengthen the slot to 40": its length
        rmap = {"thickness": "thickness", "wall": "thickness"}
        if f["kind"] == "flat" and str(f.get("id", "")).startswith("saw_cut"):
            # a saw cut across a tube: its width runs along the tube (the flat's length)
            rmap.update(width="length", size="length")
            key = "length" if key is None or verb and verb.group(1) in ("widen", "narrow") else key
        if f["kind"] == "pocket" and f.get("shape") in ("d", "double_d"):
            want = "double_d" if re.search(r"\bdouble[- ]?d\b|\b(?:two|2|both) flats\b", self.t) else "d" if re.search(
                r"\b(?:single|one|1)[- ]flat\b|\bsingle[- ]?d\b|\bjust (?:a|the) d\b", self.t) else None
            if want is not None and want != f["shape"]:
                # "make it a double D, 20 across the flats": the other shape, and the size said
                g = {x: y for x, y in f.items() if x != "id"} | {"shape": want}
                af = next((it for it in nums if it.role in ("af", "spacing")), None)
                if af is not None:
                    g["across_flats"] = self.take(af)
                self.apply(f"{f['id']}: {'double D' if want == 'double_d' else 'D'}" + (
                    f", {fmt(g['across_flats'])} across the flat{'s' if want == 'double_d' else ''}" if af is not None
                    else ""), ops.replace_feature, f["id"], g)
                return
            # "make the D hole 7 across the flat", "hole 6.35": across the flat(s), else its diameter
            rmap.update(af="across_flats", size="diameter", inner="diameter")
            if f["shape"] == "double_d":
                rmap.update(spacing="across_flats")      # "the flats 8 apart"
            key = "diameter"
        if f["kind"] == "pocket" and f.get("on") in ("front", "back", "left", "right"):
            rmap.update(width="length", height="width")    # a window in a wall: 'wide' along it, 'high' up it
        if f["kind"] == "pocket" and str(f.get("id", "")).startswith("slot") and f.get("on", "top") in ("top", "bottom") and \
                isinstance(f.get("length"), (int, float)) and isinstance(f.get("width"), (int, float)):
            # a slot read as a rectangular cut across a face: its width is its narrow side, its length the long one
            narrow = "length" if f["length"] <= f["width"] else "width"
            rmap.update(width=narrow, length="width" if narrow == "length" else "length")
        pairs = [(it, rmap.get(it.role, it.role)) for it in nums if it.role and rmap.get(it.role, it.role) in f]
        if len(pairs) >= 2 and len({k_ for _, k_ in pairs}) == len(pairs):
            # "slot 12 wide and 6 deep": each size to its field
            for it, key_ in pairs:
                v = self.take(it)
                self.apply(f"{f['id']}.{key_} → {fmt(v)} mm", ops.set_parameter, f"{f['id']}.{key_}", v)
            return
        named = pairs[0] if pairs else None
        if named is not None:
            nums = [named[0]]
            key = named[1]
        grp = [it for it in nums if it.group is not None and it.role in (None, "size", "length", "width")]
        if named is None and f["kind"] in ("pocket", "slot") and len(grp) >= 2 and len({it.group for it in grp}) == 1:
            # "pocket 40 x 40 instead": its length and width (and depth, a third number)
            for it, key_ in zip(sorted(grp, key=lambda i: i.pos), ("length", "width", "depth")):
                v = self.take(it)
                self.apply(f"{f['id']}.{key_} → {fmt(v)} mm", ops.set_parameter, f"{f['id']}.{key_}", v)
            return
        said = re.search(r"\b(longer|shorter|long|length|wider|narrower|wide|width|deeper|shallower|deep|depth|taller|"
                         r"higher|tall|height)\b", self.t)
        if named is None and said and not (verb and f["kind"] in ("slot", "pocket")):
            # "make the slot longer, 40": the field the word names, where the feature has one
            # (but "widen the pocket to 40 (keep it 50 long)": the verb's field; the 'long' is the size kept)
            field_ = {"l": "length", "s": "length", "w": "width", "n": "width", "d": "depth", "t": "height",
                      "h": "height"}[said.group(1)[0]]
            field_ = "depth" if said.group(1) == "shallower" else field_
            if field_ in f or f["kind"] in ("slot", "pocket") and field_ in ("length", "width", "depth"):
                key = field_
        if not nums or key is None:
            self.out.failed.append(self.no_size(f))
            return
        proud = re.search(r"\b(?:stick(?:s|ing)?|stand(?:s|ing)?|come(?:s)?|project(?:s|ing)?)\s+(?:out|up|proud)\b|\bprotrud\w*|"
                          r"\bproud\b|\bout from\b", self.t)
        if f["kind"] == "boss" and named is None and not said and not proud and isinstance(f.get("diameter"), (int, float)) and \
                isinstance(f.get("height"), (int, float)) and nums[0].role in (None, "size"):
            # "hub 60" on a hub 50 across and 20 tall: the size the number lies nearest (in ratio), said; a tie is asked
            v = self.num_mm(nums[0])
            far = sorted((abs(math.log(v / f[k_])), k_) for k_ in ("diameter", "height") if v > 0 and f[k_] > 0)
            if len(far) < 2 or far[1][0] < 3 * max(far[0][0], 1e-9):
                self.out.failed.append(f"which size of {f['id']} is {fmt(v)} mm (say e.g. '{f['id']} {fmt(v)} dia' or "
                                       f"'{f['id']} {fmt(v)} tall')")
                return
            key = far[0][1]
            self.out.notes.append(f"'{nums[0].num.text.strip()}' read as the {f['id']}'s {key} (the size nearest it)")
        v = self.take(nums[0])
        b = self.spec["body"]
        if f["kind"] == "pocket" and key == "width" and f.get("on", "top") in ("top", "bottom") and b["kind"] == "box" and \
                isinstance(f.get("length"), (int, float)) and b["width"] <= v < b["length"] and f["length"] >= f["width"]:
            # "make the window 270 wide" on a 300 x 200 sheet: across the 200 it cannot be; its long side, along the 300
            key = "length"
            self.out.notes.append(f"'{fmt(v)} wide' read as the {f['id']}'s long side ({fmt(v)} does not fit across the "
                                  f"{fmt(b['width'])} mm width)")
        # "make both pockets 12 deep", "bosses 15 tall": every one of the kind named, not only the last (it was the last
        # alone, marked ok)
        several = re.search(r"\b(?:both|all|each|every|them|those|these)\b|\b(?:pockets|slots|bosses|hubs|pads|fillets|"
                            r"chamfers|keyways|ribs|recesses)\b", self.t)
        for g in ([g for g in existing[:-1] if g["kind"] == f["kind"] and key in g] if several else []) + [f]:
            self.apply(f"{g['id']}.{key} → {fmt(v)} mm", ops.set_parameter, f"{g['id']}.{key}", v)

    # -- body sizes ------------------------------------------------------------------------
    def body_edit(self) -> None:
        self.relative()
        self.sets()

    def relative(self) -> None:
        t = self.t
        for m in re.finditer(r"\b(longer|shorter|wider|narrower|taller|higher|lower|thicker|thinner|deeper|bigger|larger|"
                             r"smaller)\s+by\b", t):
            it = next((i for i in self.free() if i.num.start >= m.end() and i.num.start - m.end() < 4), None)
            if it is not None:
                role, sign = COMPARE[m.group(1)]
                fw = FEATURE_WORD.search(t[:m.start()])      # "make the slot longer by 10": the slot's
                if (role == "all" or fw) and not t[it.num.end:it.num.end + 2].strip().startswith("%") and \
                        self.feature_delta(sign * self.num_mm(it), fw.group(0) if fw else None, m.group(1)):
                    self.used.add(it.num.start)
                    continue
                if t[it.num.end:it.num.end + 2].strip().startswith("%"):
                    self.used.add(it.num.start)
                    self.change(role, "scale", 1 + sign * it.num.value / 100)
                else:
                    self.change(role, "add", sign * self.take(it))
        for m in re.finditer(r"\badd\s+(?:an?\s+)?([\d./]+)?\s*(?:mm|cm|in|inch(?:es)?|\")?\s+to\s+(?:the\s+|its\s+)?(length|width|"
                             r"height|thickness|diameter)\b", t):
            it = next((i for i in self.free() if m.start() <= i.num.start < m.end()), None)
            if it is not None:
                self.change(m.group(2), "add", self.take(it))
        for m in re.finditer(r"([\d.]+)\s*%\s*(longer|shorter|wider|narrower|taller|higher|thicker|thinner|bigger|larger|"
                             r"smaller)\b", t):
            it = next((i for i in self.free() if m.start() <= i.num.start < m.end()), None)
            if it is not None:
                self.used.add(it.num.start)
                role, sign = COMPARE[m.group(2)]
                named = re.search(r"\b(od|id|outside diameter|outer diameter|inside diameter|inner diameter|diameter|dia|"
                                  r"length|width|height|thickness|radius)\s*(?:by\s*)?$", t[:m.start()])
                if role == "all" and named:
                    role = ADJ[named.group(1)]       # "OD 25% bigger": the size named before it
                self.change(role, "scale", 1 + sign * float(m.group(1)) / 100)
        for m in re.finditer(r"\b(length|width|height|thickness|diameter|dia|od|id)\s*([+-])\s*(?=[\d.])", t):
            # "diameter +10", "length -5": that much more or less
            it = next((i for i in self.free() if i.num.start == m.end()), None)
            if it is not None:
                self.change(ADJ[m.group(1)], "add", (1 if m.group(2) == "+" else -1) * self.take(it))
        # comparatives: "10 mm longer", "shorten it by 2 cm", "knock 50 mm off the length"
        for it in self.free():
            after = t[it.num.end:]
            m = re.match(r"^\s*(longer|shorter|wider|narrower|taller|higher|lower|thicker|thinner|deeper|shallower|"
                         r"bigger|larger|smaller)\b", after)
            if m:
                role, sign = COMPARE[m.group(1)]
                if role in ("length", "width") and re.match(r"\s*(?:on|at|to|off)?\s*(?:each|both|either) (?:ends?|sides?)\b",
                                                            after[m.end():]):
                    sign *= 2         # "10mm longer on each end": 10 at both ends (said)
                    self.out.notes.append(f"{it.num.text.strip()} at each end: {m.group(1)} by twice that")
                fw = FEATURE_WORD.search(t[:it.num.start])     # "make the slot 10 mm longer": the slot's
                if (role == "all" or fw) and self.feature_delta(sign * self.num_mm(it), fw.group(0) if fw else None,
                                                                m.group(1)):
                    self.used.add(it.num.start)
                    continue
                if role == "all" and re.search(r"\b(diameter|length|width|height)\b", t[it.num.end:]):
                    role = re.search(r"\b(diameter|length|width|height)\b", t[it.num.end:]).group(1)
                self.change(role, "add", sign * self.take(it))
                continue
            before = t[:it.num.start]
            m = re.search(r"\b(shorten|lengthen|extend|widen|narrow|thicken|thin|raise|lower|reduce|increase|grow|"
                          r"shrink|trim|cut|enlarge|decrease|bump|open)(?: (?:it|them|those|(?:(?:the|its|that|those) )?\w+"
                          r"(?: \w+)?))?(?: (?:up|down|out))? by\s*$", before)
            if not m and re.match(r"\s*(?:mm|cm|in|\")?\s*(?:[,.;!]|$|more\b|extra\b)", t[it.num.end:]):
                # "extend it 20mm", "shorten it 10": by that much
                m = re.search(r"\b(shorten|lengthen|extend|widen|narrow|thicken|raise|lower)\s+(?:it|the (?:part|plate|block|"
                              r"bar|rod|tube|pipe|shaft|whole thing))\s*$", before)
            if m and FEATURE_WORD.search(m.group(0)) and not t[it.num.end:it.num.end + 2].strip().startswith("%"):
                # "increase the hole diameter by 2": the named feature's size, not the part's
                sign = -1 if m.group(1) in ("shorten", "narrow", "thin", "lower", "reduce", "shrink", "trim", "cut",
                                            "decrease") else 1
                if self.feature_delta(sign * self.num_mm(it), m.group(0)):
                    self.used.add(it.num.start)
                    continue
            more = re.search(r"(?:\band|,)\s+(?:the |its )?(length|width|height|thickness|diameter) by\s*$", before)
            verb = more and re.search(r"\b(shorten|lengthen|extend|widen|narrow|thicken|raise|lower|reduce|increase|grow|"
                                      r"shrink|trim|cut|decrease)\b", before[:more.start()])
            if more and verb:
                # "increase the length by 20 and the width by 10": the verb carries over
                sign = -1 if verb.group(1) in ("shorten", "narrow", "lower", "reduce", "shrink", "trim", "cut",
                                               "decrease") else 1
                self.change(more.group(1), "add", sign * self.take(it))
                continue

            m2 = re.match(r"^\s*(?:mm\s+|cm\s+)?(?:off|from|of)(?: of)? (?:the |its )?(length|width|height|thickness|diameter|top|"
                          r"end)", after)
            if m2 and after.lstrip().startswith(("from", "of", "mm of", "cm of")) and not re.search(
                    r"\b(take|taking|cut|knock|shave|trim|remove|lose|drop|chop|lop|saw)\b", before):
                m2 = None     # "a hole ... 15 from the top": a place, not 15 off the top
            if m and t[it.num.end:it.num.end + 2].strip().startswith("%"):
                down = m.group(1) in ("shorten", "narrow", "thin", "lower", "reduce", "shrink", "trim", "cut", "decrease")
                self.used.add(it.num.start)
                # "shorten it by 20%": its length; "reduce it by 20%": the whole part
                verb_role = {"shorten": "length", "lengthen": "length", "extend": "length", "trim": "length",
                             "widen": "width", "narrow": "width", "thicken": "thickness", "thin": "thickness",
                             "raise": "height"}.get(m.group(1))
                self.change(_named_role(t) or verb_role or "all", "scale",
                            1 - it.num.value / 100 if down else 1 + it.num.value / 100)
                continue
            if m:
                verb = m.group(1)
                role = {"shorten": "length", "lengthen": "length", "extend": "length", "widen": "width",
                        "narrow": "width", "thicken": "thickness", "thin": "thickness", "raise": "height",
                        "lower": "height", "trim": "length", "cut": "length"}.get(verb, "all")
                named = re.search(r"\b(length|width|height|thickness|diameter|radius)\b", m.group(0))
                role = named.group(1) if named else (_named_role(t) or role)
                sign = -1 if verb in ("shorten", "narrow", "thin", "lower", "reduce", "shrink", "trim", "cut",
                                      "decrease") else 1
                self.change(role, "add", sign * self.take(it))
                continue
            if m2:
                role = {"top": "height", "end": "length"}.get(m2.group(1), m2.group(1))
                self.change(role, "add", -self.take(it))
                continue
        # "a bit taller, 70" / "a little wider - 90 mm" / "thicker, 3 mm": the number after a pause is the new size
        # when it lies that way, else how much more (said either way)
        for it in self.free():
            m = re.search(r"\b(longer|shorter|wider|narrower|taller|higher|thicker|thinner|deeper)\s*(?:(?:the |its )?[a-z]+\s*)?"
                          r"(?:(?:please|pls|plz)\s*)?"
                          r"(?:[,:;\-–—(]\s*|\s+(?=(?:like|say|maybe|about|around|roughly)\s))(?:(?:say|to|like|maybe|about|around|roughly|"
                          r"so|at|make it|i'?d say)\s+)*$",
                          t[:it.num.start])
            if not m or it.role not in (None, "size") or FEATURE_WORD.search(t):
                continue
            role, sign = COMPARE[m.group(1)]
            paths = _paths(self.spec["body"], role, t)
            old = _get(self.spec["body"], paths[0][0]) if paths else None
            v = self.num_mm(it)
            if not isinstance(old, (int, float)):
                continue
            if (v - old) * sign > 0:
                self.out.notes.append(f"read {fmt(v)} as the new {role} ({m.group(1)} than {fmt(old)})")
                self.change(role, "set", self.take(it))
            else:
                self.out.notes.append(f"read {fmt(v)} as how much {m.group(1)}")
                self.change(role, "add", sign * self.take(it))
        self.scale_by()
        for m in re.finditer(r"\b(longer|shorter|wider|narrower|taller|higher|lower|thicker|thinner|deeper|shallower)\s+by\s+"
                             r"(?:a|one)\s+(half|third|quarter|fifth)\b", t):
            # "make it thinner by a third": that fraction of it off (or on)
            role, sign = COMPARE[m.group(1)]
            f = 1 / {"half": 2, "third": 3, "quarter": 4, "fifth": 5}[m.group(2)]
            self._use_span(m)
            self.change(role, "scale", 1 + sign * f)
        for m in re.finditer(r"\b(reduce|cut|shrink|trim|increase|grow|enlarge|extend|raise)\s+(?:the\s+|its\s+)?(length|width|"
                             r"height|thickness|diameter)\s+by\s+(?:a|one)\s+(half|third|quarter|fifth)\b", t):
            # "reduce the height by a third": that fraction of it off (or on)
            sign = -1 if m.group(1) in ("reduce", "cut", "shrink", "trim") else 1
            f = 1 / {"half": 2, "third": 3, "quarter": 4, "fifth": 5}[m.group(3)]
            self._use_span(m)
            self.change(ADJ[m.group(2)], "scale", 1 + sign * f)
        # fractions of a size: "2/3 the height", "two thirds as tall", "a third as thick", "3/4 of the length",
        # "reduce the height to two thirds" (a/b with an inch denominator there is a size in inches)
        for m in list(FRACTION_OF.finditer(t)) + list(FRACTION_TO.finditer(t)):
            if any(m.start() <= i < m.end() for i in self.used):
                continue
            if m.group("a"):
                f = int(m.group("a")) / int(m.group("b"))
            else:
                n = int(m.group("n") or 1)
                f = n / {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5}[m.group("part").rstrip("s")]
            if not 0 < f < 10:
                continue
            self._use_span(m)
            self.change(ADJ[m.groupdict().get("what") or m.group("what2")], "scale", f)
        # scalings: "twice as tall", "double the diameter", "cut the width in half", "half as thick"
        for m in re.finditer(r"\b(twice|double|doubled|triple|half|halve|halved|(\d+(?:\.\d+)?) ?(?:times|x))(?!\w)"
                             r"(?: as)?(?: the| its)? (long|wide|tall|high|thick|deep|big|large|length|width|height|"
                             r"thickness|diameter|size|od|id|outside diameter|inside diameter|outer diameter|"
                             r"inner diameter)\b", t):
            f = SCALE.get(m.group(1)) or float(m.group(2))
            self.change(ADJ[m.group(3)], "scale", f)
            self._use_span(m)
        for m in re.finditer(r"\b(?:cut|chop|reduce) (?:the |its )?(length|width|height|thickness|diameter)(?: down)? "
                             r"(?:in|by) half\b|\b(length|width|height|thickness|diameter) (?:halved|doubled)\b", t):
            role = m.group(1) or m.group(2)
            self.change(role, "scale", 2.0 if "doubled" in m.group(0) else 0.5)
    def shaft_edit(self) -> None:
        """A stepped body's sections by the words for them: 'flange to 36 dia', 'big section 10mm longer', 'make the
        20 dia part 50 long', 'add a 3rd step on the small end, 12 dia x 25'."""
        t, data = self.t, copy.deepcopy(self.spec)
        secs = data["body"]["sections"]
        nums = self.free()
        by_name = None
        for it in nums:
            # "make the 20mm section 50 long", "the 3/4 section 4\" long": a section named by its diameter
            hit = [i for i, sec in enumerate(secs) if math.isclose(sec["diameter"], self.num_mm(it), rel_tol=1e-6)]
            if hit and re.match(r"\s*(?:mm|cm|\"|in(?:ch(?:es)?)?)?\s*(?:dia\w*|ø)?\s*(?:part|section|step|end|bit|portion|length)\b",
                                t[it.num.end:]) and not re.search(r"\bx\s*$", t[:it.num.start]):
                # (not "add a 1 cm dia x 2 cm step": the new step's length, the same as a diameter there)
                by_name = hit[0]
                self.used.add(it.num.start)
                nums = [x for x in nums if x is not it]
                break
        for it in nums:
            if it.role in ("top_d", "bottom_d"):
                it.role = None        # "small end 12 instead": a cone's end diameter to the tagger; a section's size here
        dia = next((it for it in nums if it.role in ("diameter", "radius")), None)
        rest = [it for it in nums if it is not dia and not re.match(r"^(?:rd|nd|st|th)\b", t[it.num.end:])]
        for it in nums:
            if re.match(r"^(?:rd|nd|st|th)\b", t[it.num.end:]):
                self.used.add(it.num.start)       # "a 3rd step": an ordinal, not a size
        small_end = 0 if secs[0]["diameter"] < secs[-1]["diameter"] else len(secs)
        add = re.search(r"\b(?:add|another|new|extra|one more)\b.*\b(?:step|section|diameter)\b", t)
        if add:
            if dia is None or len(rest) != 1:
                self.out.failed.append("the new step's diameter and length (e.g. 'add a step 12 dia x 25 long')")
                return
            d, length = self.take(dia) * (2 if dia.role == "radius" else 1), self.take(rest[0])
            big_end = re.search(r"\b(?:big|bigger|large|larger|thick|fat)\s+end\b", t)
            at = (len(secs) - small_end) if big_end else small_end
            secs.insert(at, {"diameter": d, "length": length})
            self.apply(f"added a step Ø{fmt(d)} x {fmt(length)} at the {'big' if big_end else 'small'} end",
                       lambda s_, d_=data: ops.parse(d_))
            return
        kept = re.search(r"\b(?:keep(?:ing)?|leave|leaving|same)\s+(?:the\s+|its\s+)?(\w+)|\b(\w+)\s+(?:stays?|unchanged|"
                         r"(?:is |stays )?the same|as (?:it is|is))\b", t)
        kw = (kept.group(1) or kept.group(2)) if kept else None
        if kw and SECTION.fullmatch(kw) and dia is None and len(rest) == 1 and len(secs) > 1 and not SECTION.search(
                t[:kept.start()] + " " + t[kept.end():]):
            # "make it 40 tall, flange stays the same": the overall length; the section named to stay keeps its own
            k = self.section_index(kw, secs)
            total = self.take(rest[0])
            others = [j for j in range(len(secs)) if j != k]
            j = max(others, key=lambda j_: secs[j_]["length"])
            new = secs[j]["length"] + total - sum(sec["length"] for sec in secs)
            if new <= 0:
                self.out.failed.append(f"overall {fmt(total)} leaves no length for section {j + 1}")
                return
            was = secs[j]["length"]
            secs[j]["length"] = new
            self.apply(f"overall length {fmt(total)}: section {j + 1} length {fmt(was)} → {fmt(new)} "
                       f"(section {k + 1}, the {kw}, kept)", lambda s_, d_=data: ops.parse(d_))
            return
        keep_total = re.search(r"\b(?:total|overall)(?: length)?\s+(?:stays?|unchanged|the same|kept|remains?|still)"
                               r"(?:\s+(?:at\s+)?[\d.]+)?|\bkeep(?:ing)? (?:the )?(?:total|overall)(?: length)?(?: at [\d.]+)?", t)
        total_before = sum(sec["length"] for sec in secs)
        if keep_total:
            # "flange 5mm thick, total length stays 30": the section named changes, another takes up the difference
            for it in nums:
                if keep_total.start() <= it.num.start < keep_total.end():
                    total_before = self.take(it)
            rest = [it for it in rest if it.num.start not in self.used]
        w = SECTION.search(t).group(1) if SECTION.search(t) else "named"
        named = [i for i, sec in enumerate(secs) if dia is not None and math.isclose(sec["diameter"], self.num_mm(dia))]
        if by_name is not None:
            i = by_name
        elif named and re.search(r"\b(?:dia|diameter|ø)?\s*(?:part|section|step|end|bit|portion)s?\b", t[dia.num.end:dia.num.end + 20]):
            i = named[0]              # "the 20 dia part": the section with that diameter, named by it
            self.used.add(dia.num.start)
            dia = None
        elif re.search(r"\b(?:that|the|this|its) step\b|\b(?:turned|stepped)[- ]down\b|\breduced\b", t) and len(secs) == 2 \
                and not keep_total:
            # "make that step 50 long" on a bar turned down at one end: the step (the smaller section), cut into the same
            # bar, so the overall length stays (said)
            i = min(range(2), key=lambda j: secs[j]["diameter"])
            keep_total, total_before = True, sum(sec["length"] for sec in secs)
            self.out.notes.append(f"the step is the Ø{fmt(secs[i]['diameter'])} section; the overall "
                                  f"{fmt(total_before)} kept")
        elif w in ("first",):
            i = 0
        elif w in ("second", "middle"):
            i = min(1, len(secs) - 1)
        elif w in ("last",):
            i = len(secs) - 1
        elif w in ("small", "smaller", "smallest", "thin", "thinner", "narrow", "spigot", "sleeve", "body", "neck",
                   "pilot", "stub", "tip"):
            i = min(range(len(secs)), key=lambda j: secs[j]["diameter"])
        else:
            i = max(range(len(secs)), key=lambda j: secs[j]["diameter"])
        sec, said = secs[i], []
        if dia is not None:
            v = self.take(dia) * (2 if dia.role == "radius" else 1)
            said.append(f"Ø{fmt(sec['diameter'])} → Ø{fmt(v)}")
            sec["diameter"] = v
        for it in rest:
            after = t[it.num.end:]
            if it.role is None and not re.match(r"^\s*(?:mm\s*)?(?:long|length|thick|wide|deep|tall|high|longer|shorter)\b", after) \
                    and not re.search(r"\b(?:long|length|thick|thickness|longer|shorter|lengthen|shorten|extend)\b", t) and \
                    abs(self.num_mm(it) - sec["diameter"]) / sec["diameter"] < abs(self.num_mm(it) - sec["length"]) / sec["length"]:
                # "flange 35" on a Ø30 x 3 flange: nearer its diameter than its thickness (said)
                v = self.take(it)
                said.append(f"Ø{fmt(sec['diameter'])} → Ø{fmt(v)} (a bare number read as the diameter)")
                sec["diameter"] = v
                continue
            cmp_ = re.match(r"^\s*(?:mm\s*)?(longer|shorter|thicker|thinner|taller|deeper)\b", after)
            across = re.match(r"^\s*(?:mm\s*)?(bigger|larger|smaller|wider|narrower|fatter)\b", after)
            by = re.search(r"\b(lengthen|extend|shorten)\b.*\bby\s*$", t[:it.num.start])
            if across:
                # "flange 5mm bigger": its diameter that much more (or less)
                sign = -1 if across.group(1) in ("smaller", "narrower") else 1
                v = sec["diameter"] + sign * self.take(it)
                said.append(f"Ø{fmt(sec['diameter'])} → Ø{fmt(v)}")
                sec["diameter"] = v
                continue
            if cmp_ or by:
                # "flange 2mm thicker": a section's thickness is its length along the axis
                sign = -1 if (cmp_ and cmp_.group(1) in ("shorter", "thinner")) or (by and by.group(1) == "shorten") else 1
                new = sec["length"] + sign * self.take(it)
            elif it.role in ("length", "height", "thickness", None) or it.role == "width" and w in ("collar", "band", "shoulder"):
                new = self.take(it)       # ("make the collar 25 wide": a collar's width is along the shaft)
            else:
                continue
            said.append(f"length {fmt(sec['length'])} → {fmt(new)}")
            sec["length"] = new
        if not said:
            self.out.failed.append(f"no new size for the {w} section (e.g. '{w} section 40 dia', '10 mm longer')")
            return
        if keep_total and len(secs) > 1:
            j = max((k for k in range(len(secs)) if k != i), key=lambda k: secs[k]["length"])
            new = secs[j]["length"] + total_before - sum(sec["length"] for sec in secs)
            if new <= 0:
                self.out.failed.append(f"an overall length of {fmt(total_before)} leaves no length for section {j + 1}")
                return
            said.append(f"section {j + 1} length {fmt(secs[j]['length'])} → {fmt(new)} (overall {fmt(total_before)} kept)")
            secs[j]["length"] = new
        old_secs = self.spec["body"]["sections"]
        starts = [sum(x["length"] for x in old_secs[:j]) for j in range(len(old_secs))]
        moved = []
        for f in data.get("features", []):
            # a keyway (groove, flat) in a section after the one that changed, or open at the far end, moves with it
            if f["kind"] not in ("keyway", "groove", "flat") or not isinstance(f.get("z"), (int, float)):
                continue
            z = f["z"]
            k = max((j for j in range(len(old_secs)) if starts[j] <= z + 1e-9), default=0)
            shift = sum(secs[j]["length"] - old_secs[j]["length"] for j in range(k)) if k > i else 0.0
            if k == i and isinstance(f.get("length"), (int, float)) and math.isclose(
                    z + f["length"], starts[i] + old_secs[i]["length"], abs_tol=1e-6):
                shift = sum(secs[j]["length"] - old_secs[j]["length"] for j in range(i + 1))   # open at the section's end
            if abs(shift) > 1e-9:
                f["z"] = round(z + shift, 6)
                moved.append(f"{f['id']} moved {fmt(shift)} along with its section")
        self.apply(f"section {i + 1}: " + ", ".join(said + moved), lambda s_, d_=data: ops.parse(d_))

    @staticmethod
    def section_index(w: str, secs: list[dict]) -> int:
        """Which section a word names: 'first', 'last', 'small end', 'flange' (the biggest), ..."""
        if w == "first":
            return 0
        if w in ("second", "middle"):
            return min(1, len(secs) - 1)
        if w == "last":
            return len(secs) - 1
        if w in ("small", "smaller", "smallest", "thin", "thinner", "narrow", "spigot", "sleeve", "body", "neck",
                 "pilot", "stub", "tip", "step"):
            return min(range(len(secs)), key=lambda j: secs[j]["diameter"])     # 'the step': the one turned down
        return max(range(len(secs)), key=lambda j: secs[j]["diameter"])

    def scale_by(self) -> None:
        """The whole part scaled: 'scale it by 2', 'scale it up 20%', 'scale it down by half', '1.5x', 'make it 2x
        bigger', 'double it'. A factor, or a percentage where '%' is said (a bare number over 4 is read as one, and
        that is said)."""
        target = self._scaled_to()
        if target is not None:
            # "scale it to 150 long, everything in proportion", "scale the part so the length is 150": the factor that
            # makes that size, on every length
            key, start = target
            b = self.spec["body"]
            it = next((i for i in self.free() if i.num.start == start), None)
            old = b.get(key) if key != "diameter" else (b.get("diameter") or b.get("outer_diameter"))
            if it is not None and isinstance(old, (int, float)) and old > 0:
                self.used.add(it.num.start)
                self.scale_all(self.num_mm(it) / float(old))
                return
        for m in SCALE_BY.finditer(self.t):
            down, up = m.group("dir") == "down", m.group("dir") == "up"
            word = m.group("word") or m.group("word3")
            nums = [it for it in self.free() if m.start() <= it.num.start < m.end()]
            if word:
                f = {"two": 2.0, "three": 3.0}.get(word) or SCALE[word.split()[-1]]
                f = (1 - f if down else 1 + f if up else f) if f < 1 else (1 / f if down else f)
            elif nums:
                v = nums[0].num.value
                pct = bool(m.group("pct")) or not (m.group("times") or m.group("times2")) and v > 4
                if pct and not m.group("pct"):
                    self.out.notes.append(f"read {fmt(v)} as a percentage (say '{fmt(v)}x' for a factor)")
                f = (1 - v / 100 if down else 1 + v / 100) if pct else (1 / v if down and v > 1 else v)
            else:
                continue
            self._use_span(m)
            if m.group("smaller"):
                self.out.failed.append(f"'{m.group(0).strip()}' is unclear; say e.g. 'half the size' or 'scale it by 0.5'")
                continue
            self.scale_all(f)

    def _scaled_to(self) -> tuple[str, int] | None:
        """(the body size, where its number is) when the whole part is scaled to a size, else None."""
        keys = {"long": "length", "wide": "width", "tall": "height", "high": "height", "thick": "height", "dia": "diameter",
                "diameter": "diameter", "length": "length", "width": "width", "height": "height", "thickness": "height"}
        scaled = re.search(r"\bscal(?:e|ed|ing)\b", self.t)
        if re.search(r"\bscal\w*\s+(?:up\s+|down\s+)?(?:the|those|these|all the|its)\s+(?:\w+\s+)?(?:holes?|slots?|pockets?|bosses|"
                     r"boss|fillets?|chamfers?|bores?|grooves?)\b", self.t):
            return None          # "scale the holes up": those, not the part
        to = SCALE_TO.search(self.t)
        if to and (to.group("scale") or PROPORTION.search(self.t) or scaled):
            return keys[to.group("way")], to.start("n")
        said = re.search(r"\b(?P<way>length|width|height|thickness|diameter)\s+(?:is|of|=|to be|becomes|comes to)\s+"
                         r"(?P<n>\d*\.?\d+)", self.t)
        if scaled and said and not SCALE_BY.search(self.t):
            return keys[said.group("way")], said.start("n")      # "scale the part so the length is 150"
        return None

    def scale_all(self, f: float) -> None:
        """Every length of the part (body, features, places) times ``f``; counts, angles and teeth kept. Sizes from a
        table ('M5 clearance') stay as they are, and are said."""
        if f <= 0 or math.isclose(f, 1.0):
            self.out.failed.append(f"a scale of {fmt(f)} changes nothing")
            return
        data = copy.deepcopy(self.spec)
        kept: list[str] = []

        def walk(obj, where):
            for key, v in list(obj.items()):
                if key in UNSCALED or isinstance(v, bool):
                    continue
                if isinstance(v, (int, float)):
                    obj[key] = round(v * f, 6)
                elif isinstance(v, str) and key == "size":
                    kept.append(f"{where} {v}")
                elif isinstance(v, dict):
                    walk(v, where)
                elif isinstance(v, list):
                    obj[key] = [walk(x, where) or x if isinstance(x, dict) else
                                [round(y * f, 6) for y in x] if isinstance(x, list) else
                                round(x * f, 6) if isinstance(x, (int, float)) and not isinstance(x, bool) else x
                                for x in v]
        walk(data["body"], data["body"].get("id", "body"))
        stay, stayed = self.kept_kinds(), []
        for feat in data.get("features", []):
            if feat["kind"] in stay and isinstance(feat.get("at"), dict):
                walk(feat["at"], feat["id"])         # "cube 50% bigger, hole stays 10": its place scales, not its size
                stayed.append(feat["id"])
            elif feat["kind"] != "text" and feat["kind"] not in stay:
                walk(feat, feat["id"])
        if kept:
            self.out.notes.append("sizes from a table kept (scale them by naming a new size): " + ", ".join(kept))
        if stayed:
            self.out.notes.append("the size of " + ", ".join(stayed) + " kept as said (its place scaled)")
        self.apply(f"the whole part scaled x{fmt(f)}", lambda s_, d=data: ops.parse(d))

    def sets(self) -> None:
        """'make it 50 tall', 'I need it 250 long', '3/4 inch diameter', 'inner 20', 'top 20 across',
        'resize to 150 x 90 x 6'."""
        t = self.t
        body = self.spec["body"]
        group = [it for it in self.free() if it.group is not None and it.role in (None, "length", "width", "height",
                                                                                    "thickness")]
        if body["kind"] == "box" and len(group) in (2, 3) and len({it.group for it in group}) == 1 and not \
                re.search(r"\b(holes?|grid|pocket|slot|pattern|array)\b", t):
            for it, field_ in zip(sorted(group, key=lambda i: i.pos), ("length", "width", "height")):
                self.change(field_, "set", self.take(it))
        for it in self.free():
            v = re.search(r"\b(thicken|thin|lengthen|widen|extend|stretch|shorten|narrow|raise|trim|cut (?:it )?down|reduce|"
                          r"(?:cut|chop|saw|face) (?:it|the (?:part|whole thing|bar|rod|tube|pipe|shaft|plate|block))"
                          r"(?: down| off)?(?= to)|(?:cut|chop|saw)(?= to)|"
                          r"increase|grow|shrink)(?: (?:it|the part|the \w+))?(?: up| down| out)? to(?: an?)?\s*$", t[:it.num.start])
            if v and it.role is None:
                it.role = _named_role(t) or {"thicken": "thickness", "thin": "thickness", "lengthen": "length", "widen": "width",
                                             "extend": "length", "stretch": "length", "shorten": "length",
                                             "narrow": "width", "raise": "height", "trim": "length", "cut": "length", "chop": "length",
                                             "saw": "length", "face": "length"}.get(
                    v.group(1).split()[0], "main")
                verb = v.group(1).split()[0]
                way = 1 if verb in ("thicken", "lengthen", "widen", "extend", "stretch", "raise", "increase", "grow") \
                    else -1 if verb in ("shorten", "narrow", "thin", "trim", "cut", "chop", "saw", "face", "reduce", "shrink") else 0
                paths = _paths(body, it.role, t)
                old_v = _get(body, paths[0][0]) if paths else None
                if way and isinstance(old_v, (int, float)) and (self.num_mm(it) - old_v) * way < 0:
                    # "and widen it to 10" on a 50 wide plate whose slot is 8 wide: 'it' is the slot
                    self.wrong_way(it, verb, way, old_v)
        loose = [it for it in self.free() if it.role in (None, "thickness", "size")]
        if body["kind"] == "tube" and body.get("outer_diameter") and body.get("inner_diameter") and \
                re.search(r"\bwalls?\b", t) and len(loose) == 1 and len(self.free()) == 1:
            # "make the wall thicker, 4mm": the tube's wall (a thicker wall keeps the outside), said how it was read
            loose[0].role = "wall"
            way = re.search(r"\b(thicker|thinner)\b", t)
            old = (body["outer_diameter"] - body["inner_diameter"]) / 2
            v = self.num_mm(loose[0])
            if way and (v - old) * (1 if way.group(1) == "thicker" else -1) <= 0:
                self.take(loose[0])
                self.out.notes.append(f"read {fmt(v)} as how much {way.group(1)} (the wall is {fmt(old)})")
                new = old + v if way.group(1) == "thicker" else old - v
                self.change("inner", "set", body["outer_diameter"] - 2 * new)
                return
        for it in self.free(("span",)):
            if body["kind"] == "profile" and body.get("shape") in ("U", "C") and body.get("thickness"):
                # "40 between the arms": the inside, so the outside is that and two walls
                v = self.take(it)
                self.out.notes.append(f"{fmt(v)} between the arms: {fmt(v + 2 * body['thickness'])} across the outside")
                self.change("width", "set", v + 2 * body["thickness"])
        for it in self.free():
            role = it.role
            if role == "main":
                self.change("main", "set", self.take(it))
                continue
            feats = self.spec.get("features", [])
            if role == "depth" and body["kind"] == "box" and not FEATURE_WORD.search(t) and (
                    any(f["kind"] == "shell" for f in feats) or not any("depth" in f for f in feats)):
                v = self.num_mm(it)
                if not any(f["kind"] == "shell" for f in feats) and isinstance(body.get("height"), (int, float)) and \
                        isinstance(body.get("width"), (int, float)) and v > 0 and abs(math.log(v / body["height"])) >= math.log(3) and \
                        3 * abs(math.log(v / body["width"])) < abs(math.log(v / body["height"])):
                    # "make it 150 deep" on a 200 x 100 x 10 plate: front to back (its width), not 150 thick (said)
                    self.out.notes.append(f"'{it.num.text.strip()} deep' read as front to back (the width), not the "
                                          f"{fmt(body['height'])} mm thickness")
                    self.change("width", "set", self.take(it))
                    continue
                self.change("depth", "set", self.take(it))     # "make it 50 deep": an open box's (a block's) height
                continue
            if role in ("length", "width", "height", "thickness", "diameter", "inner", "radius", "top_d", "bottom_d",
                        "af", "wall", "teeth", "module", "side", "legs"):
                if role == "diameter" and body["kind"] == "cone" and re.search(r"\b(top|tip)\b", t):
                    role = "top_d"
                if role == "wall" and body["kind"] == "tube" and body.get("outer_diameter"):
                    v = self.take(it)
                    if re.search(r"\bwalls?\b", t) and body.get("inner_diameter"):
                        self.change("thickness", "set", v)     # the wall, the outside kept (or the bore, when said)
                    else:
                        self.change("inner", "set", body["outer_diameter"] - 2 * v)
                    continue
                if role == "wall" and any(f["kind"] == "shell" for f in self.spec.get("features", [])):
                    sh = next(f for f in self.spec["features"] if f["kind"] == "shell")
                    v = self.take(it)
                    self.apply(f"{sh['id']}.thickness → {fmt(v)} mm", ops.set_parameter, f"{sh['id']}.thickness", v)
                    continue
                v = it.num.value if role in ("teeth", "module") else self.take(it)
                self.used.add(it.num.start)
                self.change(role, "set", v)
            elif role is None and body["kind"] == "cone" and re.search(r"\b(top|tip|bottom|base)\s*(?:dia(?:meter)?\s*)?"
                                                                        r"(?:to|at|=|of)?\s*$", t[:it.num.start]):
                top = re.search(r"\b(top|tip|bottom|base)\s*(?:dia(?:meter)?\s*)?(?:to|at|=|of)?\s*$", t[:it.num.start])
                self.change("top_d" if top.group(1) in ("top", "tip") else "bottom_d", "set", self.take(it))
            elif role is None and re.search(r"\bmake (?:it|the \w+) \S*\s*$", t[:it.num.start]) and not FEATURE_WORD.search(
                    re.search(r"\bmake (?:it|the \w+) \S*\s*$", t[:it.num.start]).group(0)) and (
                    it.num.unit or body["kind"] == "sphere" or body["kind"] == "box" and
                    len({body.get(k) for k in ("length", "width", "height")}) == 1):
                if body["kind"] == "box" and not it.num.unit or body["kind"] == "box" and re.search(r"\bcube\b", t):
                    self.change("side", "set", self.take(it))    # "make it 50" on a cube: every side
                else:
                    dims = sorted((v for v in (body.get(k) for k in _dims(body)) if isinstance(v, (int, float))),
                                  reverse=True)
                    if len(dims) >= 2 and dims[0] < 2 * dims[1] and len({body.get(k) for k in _dims(body)}) > 1:
                        # "make it 12 mm" on a 100 x 60 plate: which size is not plain; asked, not guessed
                        self.out.failed.append(f"which size is {fmt(self.num_mm(it))} mm (say e.g. 'make it "
                                               f"{it.num.text.strip()} long', '... wide', '... thick')")
                        self.used.add(it.num.start)
                        continue
                    self.change("main", "set", self.take(it))       # "make it 6 inches": its main size

    def _use_span(self, m) -> None:
        for it in self.tagging.items:
            if m.start() <= it.num.start < m.end():
                self.used.add(it.num.start)

    def change(self, role: str, how: str, value: float) -> None:
        body = self.spec["body"]
        polys = [f for f in self.spec.get("features", []) if f["kind"] == "boss" and f.get("sides")]
        if role == "af" and "across_flats" not in body and len(polys) == 1:
            # "go to 30 across flats on the hex": the hex boss's size (the part has no flats of its own)
            f = polys[0]
            new = value if how == "set" else f["diameter"] + value if how == "add" else f["diameter"] * value
            self.apply(f"{f['id']}: {fmt(new)} across the flats", ops.set_parameter, f"{f['id']}.diameter", new)
            return
        paths = _paths(body, role, self.t)
        said = " ; ".join([self.t] + self.kept_said)
        named = PROFILE_PART.findall(said) if body["kind"] == "profile" and role == "thickness" else []
        parts = {PART_OF.get(n, n) for n in named}
        kept = re.search(r"\b(?:keep|keeping|leave|leaving)\s+(?:the\s+)?(?:top\s+)?(flange|web|stem)\b|"
                         r"\b(?:the\s+)?(?:top\s+)?(flange|web|stem)\s+(?:stays?|unchanged|the same|as is)\b", said)
        if kept and parts == {"flange", "stem"} and body.get("shape") in ("T", "I"):
            # "make the stem 5 thick, keep the top flange at 3": the other part's wall, this one kept as it is
            parts = {"flange", "stem"} - {PART_OF.get(kept.group(1) or kept.group(2), kept.group(1) or kept.group(2))}
        if named and body.get("shape") in ("T", "I") and parts <= {"flange", "stem"} and not (
                parts == {"flange", "stem"} and re.search(r"\b(?:keep|keeping|stays?|still|unchanged|same)\b", said)):
            # "make the flange 8 thick" on a T: the flange's own thickness (lip), the web kept; "the web 6 thick": the
            # web's (thickness), the flange kept at what it was
            web, flange = body["thickness"], body.get("lip") or body["thickness"]
            i = body.get("id", "body")
            new = {"flange": flange, "stem": web}
            for part in parts:
                new[part] = {"set": value, "add": new[part] + value, "scale": new[part] * value}[how]
            lip = None if abs(new["flange"] - new["stem"]) < 1e-9 else round(new["flange"], 6)
            values = {f"{i}.thickness": round(new["stem"], 6), **({f"{i}.lip": lip} if lip is not None else {})}
            spec = self.spec if lip is not None else {**self.spec, "body": {k: v for k, v in body.items() if k != "lip"}}
            try:
                self.spec = _plain(ops.set_parameters(spec, values))
                self.out.done.append(f"the {body['shape']}'s " + ", ".join(
                    f"{'flange' if p == 'flange' else 'web'} {fmt(new[p])} thick" for p in ("flange", "stem")))
            except (SpecError, ops.OpError, KeyError, ValueError) as exc:
                self.out.failed.append(f"the {body['shape']}'s walls: {_first_line(exc)}")
            return
        one_kept = re.search(r"\b(?:keep|keeping|leave|leaving)\s+(?:the\s+)?(?:top\s+|bottom\s+)?(?:stem|web|flanges?|legs?|base|"
                             r"upright|top|sides?|walls?)\b|\b(?:stem|web|flanges?|legs?|base|upright|top|sides?|walls?)\s+"
                             r"(?:stays?|unchanged|the same|as is|at\s+[\d.])", said)
        if len(parts - {"leg"}) > 1 and one_kept:
            # (one thickness for the web and both flanges, "the outside the same", is the section's one thickness)
            # "make the stem 5 thick, keep the top flange at 3": this section has one thickness for all of it
            self.out.failed.append(f"the {body.get('shape', '')} section is made with one thickness for its "
                                   f"{' and '.join(dict.fromkeys(PART_OF.get(n, n) for n in named if n not in ('leg', 'legs')))}; "
                                   "they cannot differ "
                                   "here (say one thickness for the whole section)")
            return
        if named and not self.out.failed and not set(named) & {"legs", "flanges", "walls", "sides"}:
            self.out.notes.append(f"the {body.get('shape', '')} section has one thickness: all of it is changed, not "
                                  f"the {PART_OF.get(named[0], named[0])} alone")
        if role == "thickness" and not paths and body["kind"] == "tube" and isinstance(body.get("inner_diameter"), (int, float)):
            # "make it 3 thick" on a pipe: its wall, the outside kept (its length was made 3)
            wall = (body["outer_diameter"] - body["inner_diameter"]) / 2
            new = {"set": value, "add": wall + value, "scale": wall * value}[how]
            if re.search(r"\b(?:keep|keeping|same|leave|leaving)\s+(?:the\s+)?(?:inside|inner|id|i\.d\.|bore|hole)\b|"
                         r"\b(?:inside|inner|id|bore)\s+(?:stays|the same|unchanged|as is)\b", self.t):
                # "wall 3, keep the inside": the bore kept, the outside grows
                self.out.notes.append(f"a tube's thickness read as its wall ({fmt(wall)} → {fmt(new)}, the inside kept)")
                return self.change("diameter", "set", body["inner_diameter"] + 2 * new)
            self.out.notes.append(f"a tube's thickness read as its wall ({fmt(wall)} → {fmt(new)}, the outside kept)")
            return self.change("inner", "set", body["outer_diameter"] - 2 * new)
        if not paths and role == "radius" and self.feats("fillet"):
            # "change the radius to 5": a body with no radius of its own; its fillets have one
            for f in self.feats("fillet"):
                new = {"set": value, "add": f["radius"] + value, "scale": f["radius"] * value}[how]
                self.apply(f"{f['id']}.radius {fmt(f['radius'])} → {fmt(new)}", ops.set_parameter,
                           f"{f['id']}.radius", new)
            return
        if role == "all" and how == "scale" and self.feature_scale(value):
            return                      # "make the bore 30% bigger", "holes twice as big": that feature's size
        if role == "all" and how == "scale":
            self.scale_all(value)       # "half the size", "20% bigger": the whole part, its features too
            return
        if role == "all" and how == "add" and not re.search(r"\b(?:every|each|all|both)\b", self.t):
            # "make it 20 bigger": every size that much more reads right only where the sizes are alike (a cube); a flat
            # part (a disc, a plate) grows in its outline, said; a long part (a bar) is asked
            dims = {p_: body[p_] for p_ in _dims(body) if isinstance(body.get(p_), (int, float))}
            if len(dims) > 1 and max(dims.values()) > 3 * min(dims.values()):
                thin = min(dims, key=dims.get)
                rest = {p_: v_ for p_, v_ in dims.items() if p_ != thin}
                if all(v_ > 3 * dims[thin] for v_ in rest.values()) and max(rest.values()) <= 3 * min(rest.values()):
                    self.out.notes.append(f"'{fmt(value)} bigger' read as the outline ({', '.join(rest)}); the "
                                          f"{thin.replace('_', ' ')} kept")
                    for p_ in rest:
                        self.change(p_ if p_ not in ("outer_diameter", "bottom_diameter", "across_flats") else "diameter",
                                    "add", value)
                    return
                self.out.failed.append(f"which size to make {fmt(abs(value))} mm {'bigger' if value > 0 else 'smaller'} "
                                       f"({', '.join(p_.replace('_', ' ') for p_ in dims)}): say e.g. '{fmt(abs(value))} mm "
                                       "longer', or 'every size'")
                return
        if body["kind"] == "profile" and body.get("shape") == "L" and role == "length" and re.search(
                r"\b(?:base|bottom|horizontal|flat|lower|upright|vertical|standing|upper|short|shorter|long|longer|one|other)\s+"
                r"(?:leg|arm|flange)\b", self.t):
            return self.change("legs", how, value)      # "make the upright leg shorter by 10": that leg, not the run
        if not paths and body["kind"] == "profile" and role == "legs":
            self.out.failed.append("say which leg (the base or the upright leg, the short or the long one), or 'both legs'")
            return
        secs_ = body.get("sections") or []
        longest = max((x["length"] for x in secs_), default=0.0)
        if not paths and body["kind"] == "shaft" and role in ("length", "height") and len(secs_) > 1 and (
                re.search(r"\b(?:overall|total|in total|end to end|altogether|all in)\b", self.t) or
                longest >= 2 * (sum(x["length"] for x in secs_) - longest)):
            # "make it 250 long", "overall 40": the whole length; the longest section takes up the difference (said)
            data = copy.deepcopy(self.spec)
            secs = data["body"]["sections"]
            total = sum(x["length"] for x in secs)
            new_total = {"set": value, "add": total + value, "scale": total * value}[how]
            j = max(range(len(secs)), key=lambda k: secs[k]["length"])
            was = secs[j]["length"]
            secs[j]["length"] = round(was + new_total - total, 6)
            if secs[j]["length"] <= 0:
                self.out.failed.append(f"an overall length of {fmt(new_total)} leaves no length for section {j + 1}")
                return
            if math.isclose(new_total, total):
                self.out.done.append(f"overall length is already {fmt(total)}")
                return
            self.apply(f"overall length {fmt(total)} → {fmt(new_total)} (section {j + 1}, Ø{fmt(secs[j]['diameter'])}: "
                       f"{fmt(was)} → {fmt(secs[j]['length'])} long)", lambda s_, d=data: ops.parse(d))
            return
        if not paths and body["kind"] == "shaft" and role in ("length", "height") and how == "add" and len(secs_) > 1 and \
                re.search(r"\b(?:off|from)\s+(?:the|its)\s+(?:far\s+|last\s+)?end\b(?!s)", self.t):
            # "trim 10 off the end": the last section, the end the shaft was described ending with (said)
            data = copy.deepcopy(self.spec)
            last = data["body"]["sections"][-1]
            was = last["length"]
            last["length"] = round(was + value, 6)
            if last["length"] <= 0:
                self.out.failed.append(f"the end section is {fmt(was)} long: {fmt(-value)} off it leaves nothing")
                return
            self.out.notes.append(f"'the end' read as the last section's end (Ø{fmt(last['diameter'])}, the end it was "
                                  "described ending with)")
            self.apply(f"section {len(secs_)}: length {fmt(was)} → {fmt(last['length'])}", lambda s_, d=data: ops.parse(d))
            return
        if not paths and body["kind"] == "shaft":
            self.out.failed.append(f"say which section's {role.replace('_', ' ')} (e.g. 'the big section 10 mm longer', "
                                   "'the 20 dia part 50 long', 'small end 18 dia')")
            return
        if not paths:
            self.out.failed.append(f"this {body['kind'].replace('_', ' ')} has no {role.replace('_', ' ')} to change")
            return
        if body["kind"] == "tube" and role == "thickness" and re.search(r"\bwalls?\b", self.t) and \
                isinstance(body.get("outer_diameter"), (int, float)) and isinstance(body.get("inner_diameter"), (int, float)):
            # "wall twice as thick, keep the OD", "2 mm thicker wall": the tube's wall, the outside kept (the bore kept
            # instead when the words keep it)
            od, id_ = body["outer_diameter"], body["inner_diameter"]
            old = (od - id_) / 2
            new = {"set": value, "add": old + value, "scale": old * value}[how]
            keep_id = re.search(r"\b(?:keep|same|keeping)\s+(?:the\s+)?(?:id|inner|inside|bore|hole)\b", self.t)
            data = copy.deepcopy(self.spec)
            if keep_id:
                data["body"]["outer_diameter"] = id_ + 2 * new
                what = f"wall {fmt(old)} → {fmt(new)} (outer_diameter {fmt(od)} → {fmt(id_ + 2 * new)}, the bore kept)"
            else:
                data["body"]["inner_diameter"] = od - 2 * new
                what = f"wall {fmt(old)} → {fmt(new)} (inner_diameter {fmt(id_)} → {fmt(od - 2 * new)}, the outside kept)"
            if new <= 0 or (not keep_id and od - 2 * new <= 0):
                self.out.failed.append(f"a wall of {fmt(new)} mm does not fit a Ø{fmt(od)} tube")
                return
            self.apply(what, lambda s_, d=data: ops.parse(d))
            return
        if role == "radius" and how in ("set", "add"):
            value = 2 * value          # the body stores a diameter
        if body["kind"] == "tube" and role == "width" and how == "set" and isinstance(body.get("inner_diameter"),
                                                                                      (int, float)) \
                and value <= body["inner_diameter"]:
            # "make it 15 wide" on a 60 / 40 ring: no outside fits inside its bore, so the width is along the axis
            self.out.notes.append(f"{fmt(value)} wide is no outside diameter over the Ø{fmt(body['inner_diameter'])} "
                                  "bore: read as the width along the axis")
            paths = [("height", "width (along the axis)")]
        keep_wall = body["kind"] == "tube" and role == "diameter" and re.search(
            r"\b(?:keep(?:ing)? the wall|same wall|wall (?:stays|unchanged|the same))\b", self.t)
        for path, field_ in paths:
            old = _get(body, path)
            if old is None:
                continue
            if keep_wall and isinstance(old, (int, float)):
                # "OD 60, keep the wall": the bore moves with the outside
                new_od = {"set": value, "add": old + value, "scale": old * value}[how]
                inner = body["inner_diameter"] + (new_od - old)
                data = copy.deepcopy(self.spec)
                data["body"]["outer_diameter"], data["body"]["inner_diameter"] = new_od, inner
                self.apply(f"outer_diameter {fmt(old)} → {fmt(new_od)}, inner_diameter {fmt(body['inner_diameter'])} → "
                           f"{fmt(inner)} (the wall kept)", lambda s_, d=data: ops.parse(d))
                continue
            if isinstance(old, (int, float)):
                new = {"set": value, "add": old + value, "scale": round(old * value, 6)}[how]
                if field_ == "teeth":
                    new = int(round(new))
                if new <= 0:
                    self.out.failed.append(f"{field_} would be {fmt(new)} mm")
                    continue
                if math.isclose(new, old, rel_tol=1e-9, abs_tol=1e-9):
                    self.out.done.append(f"{field_} is already {fmt(old)}")     # said again: nothing to change
                    continue
                side = [f for f in self.spec.get("features", []) if f.get("on") in ("front", "back", "left", "right")]
                if field_ == "height" and side and KEEP_PLACE.search(self.t):
                    # "cut it down to 100 long, keep the hole where it is": the side features keep their height
                    # above the base (their places are measured from the face's middle, which moves)
                    data = copy.deepcopy(self.spec)
                    data["body"][path] = new
                    dv = (old - new) / 2
                    for f in data["features"]:
                        if f in side:
                            f["at"] = _shift(f.get("at") or {"kind": "center"}, dv)
                    self.apply(f"{field_} {fmt(old)} → {fmt(new)} ({', '.join(f['id'] for f in side)} kept "
                               f"{'where it is' if len(side) == 1 else 'where they are'} above the base)",
                               lambda s_, d=data: ops.parse(d))
                    continue
                try:
                    ops.set_parameter(self.spec, f"{body.get('id', 'body')}.{path}", new)
                except (SpecError, ops.OpError, KeyError, ValueError):
                    ends = self.ends_kept(path, new - old)
                    if ends is not None:
                        # "shorten it by 20%" with a hole 1/2" in from each end: the row would run off the ends, so the
                        # holes keep their distance from them (said)
                        self.apply(f"{field_} {fmt(old)} → {fmt(new)} ({ends})", lambda s_, d=self.ends_data: ops.parse(d))
                        continue
                self.apply(f"{field_} {fmt(old)} → {fmt(new)}", ops.set_parameter, f"{body.get('id', 'body')}.{path}",
                           new)

    def ends_kept(self, path: str, delta: float) -> str | None:
        """A block made ``delta`` longer (wider) whose rows of features along that side would then run off its ends: the
        rows spread or close up by ``delta`` so their end copies keep their distance from the ends. The new spec is left
        in ``self.ends_data``; returns what to say, or None when that does not make a valid part."""
        body = self.spec["body"]
        if body["kind"] not in ("box", "rounded_rect") or path not in ("length", "width"):
            return None
        axis = "u" if path == "length" else "v"
        data = copy.deepcopy(self.spec)
        data["body"][path] = body[path] + delta
        moved = []
        for f in data.get("features", []):
            at = f.get("at") or {}
            k = 0 if axis == "u" else 1
            if f.get("on", "top") in ("top", "bottom") and at.get("kind") == "grid" and at["counts"][k] > 1 and not any(
                    abs(c) > 1e-9 for c in at.get("center") or []):
                # a grid: its rows along that side spread (close up) the same way
                sp = _pair(at.get("spacing"))
                sp[k] = round(sp[k] + delta / (at["counts"][k] - 1), 6)
                at["spacing"] = sp
                moved.append(f["id"])
                continue
            if f.get("on", "top") not in ("top", "bottom") or at.get("kind") != "linear" or at.get("axis", "u") != axis \
                    or (at.get("count") or 0) < 2 or any(abs(c) > 1e-9 for c in at.get("center") or []):
                continue
            n = at["count"]
            if isinstance(at.get("spacing"), (int, float)):
                at["spacing"] = round(at["spacing"] + delta / (n - 1), 6)
            elif isinstance(at.get("span"), (int, float)):
                at["span"] = round(at["span"] + delta, 6)
            else:
                continue
            moved.append(f["id"])
        if not moved:
            return None
        try:
            ops.parse(data)
        except (SpecError, ops.OpError, KeyError, ValueError):
            return None
        self.ends_data = data
        return ", ".join(moved) + " kept as far from the ends as they were"


def _paths(body: dict, role: str, t: str) -> list[tuple[str, str]]:
    """The body fields a role names: [(path inside the body, name said to the user)]."""
    k = body["kind"]
    if role == "all":
        return [(p, p) for p in _dims(body)]
    if role == "main":
        return [(_longest(body), _longest(body))]
    table = {
        "box": {"length": "length", "width": "width", "height": "height", "thickness": "height", "side": "length",
                "depth": "height"},
        "rounded_rect": {"length": "length", "width": "width", "height": "height", "thickness": "height"},
        "cylinder": {"diameter": "diameter", "height": "height", "length": "height", "thickness": "height", "width": "diameter",
                     "radius": "diameter"},
        "tube": {"diameter": "outer_diameter", "inner": "inner_diameter", "height": "height", "length": "height",
                 "width": "outer_diameter",
                 "thickness": "height", "wall": "inner_diameter"},
        "cone": {"diameter": "bottom_diameter", "bottom_d": "bottom_diameter", "top_d": "top_diameter",
                 "height": "height", "length": "height"},
        "sphere": {"diameter": "diameter", "radius": "diameter", "width": "diameter", "length": "diameter",
                   "height": "diameter"},
        "polygon_prism": {"af": "across_flats", "diameter": "across_flats", "height": "height", "length": "height",
                          "thickness": "height", "inner": "bore"},
        "profile": {"length": "length", "width": "width", "height": "height", "thickness": "thickness",
                    "wall": "thickness", "legs": "width"},
        "spur_gear": {"module": "module", "teeth": "teeth", "thickness": "thickness", "width": "thickness",
                      "height": "thickness", "inner": "bore"},
    }.get(k, {})
    if k == "profile" and body.get("shape") in ("L", "Z") and role == "width":
        # an L bracket's width is how far it runs (its legs are its height and depth), as a new request reads it
        return [("length", "length (how far the bracket runs)")]
    if k == "profile" and role == "legs":
        # one leg when the words pick it: the base (along X) or the upright (along Y), the short or the long one
        m = re.search(r"\b(base|bottom|horizontal|flat|lower|upright|vertical|standing|upper|back|short|shorter|"
                      r"shortest|small|smaller|long|longer|longest|big|bigger|other)\s+(?:\w+\s+)?(?:leg|arm|flange|side)\b"
                      r"|\b(?:leg|arm)\s+(?:that|which)\s+(stands up|lies flat)\b", t)
        if m and not re.search(r"\b(?:both|the) legs\b|\blegs\b", t):
            w = m.group(1) or m.group(2)
            if w in ("short", "shorter", "shortest", "small", "smaller", "long", "longer", "longest", "big", "bigger"):
                if body.get("width") == body.get("height"):
                    return []        # equal legs: which is which is not said
                small = "width" if body["width"] < body["height"] else "height"
                pick = small if w.startswith(("short", "small")) else ({"width", "height"} - {small}).pop()
            elif w == "other":
                return []
            else:
                pick = "width" if w in ("base", "bottom", "horizontal", "flat", "lower", "lies flat") else "height"
            return [(pick, f"{'base' if pick == 'width' else 'upright'} leg")]
        if re.search(r"\b(?:one|a|either|one of the) legs?\b", t):
            # "make one leg 80": equal legs are the same part either way (the upright, said); unequal ones are asked
            return [("height", "one leg (the upright; the legs were equal)")] if body.get("width") == body.get("height") \
                else []
        return [("width", "leg"), ("height", "leg")]
    if k == "box" and role == "side":
        dims = [body.get(p) for p in ("length", "width", "height")]
        if re.search(r"\bsquare\b", t) and not re.search(r"\bcube\b", t) and len(set(dims)) > 1:
            # "70 square" on a plate: its outline, the thickness kept (a cube is square every way); on a bar, or with
            # "section" said, the two sides across it (the pair nearest square), its length kept
            names = ("length", "width", "height")
            if re.search(r"\b(?:cross[- ]?)?section\b|\bend\b|\bprofile\b", t):
                pair = sorted(names, key=lambda p: body[p])[:2]
            else:
                pair = min(((a, b) for i, a in enumerate(names) for b in names[i + 1:]),
                           key=lambda ab: max(body[ab[0]], body[ab[1]]) / max(min(body[ab[0]], body[ab[1]]), 1e-9))
            return [(p, p) for p in names if p in pair]
        return [("length", "length"), ("width", "width"), ("height", "height")]
    if k == "box" and role == "thickness":
        return [(_shortest(body), "thickness")]
    if k == "cylinder" and role == "thickness" and isinstance(body.get("height"), (int, float)) and \
            isinstance(body.get("diameter"), (int, float)) and body["height"] >= 2 * body["diameter"]:
        return [("diameter", "diameter (a rod's thickness)")]       # "make it 30 thick" on a rod: not 30 long
    if k == "tube" and role == "thickness" and isinstance(body.get("height"), (int, float)) and \
            isinstance(body.get("outer_diameter"), (int, float)) and body["height"] > body["outer_diameter"]:
        return []          # a pipe's thickness is its wall (Editor.change), not its length
    if k == "box" and role == "length" and _standing(body):
        # a bar, post or rectangular tube standing on its end (its long side is its height): its length is that
        return [("height", "length (its long side, standing up)")]
    path = table.get(role)
    if path is None:
        return []
    if role == "wall" and k == "tube":
        return []
    if role == "radius":
        return [(path, path)]
    return [(path, path)]


def _side_of(spec: dict, f: dict) -> str | None:
    """'left' or 'right': the end of the part's length every copy of ``f`` sits nearer (None: in the middle, on both
    sides, or not on the top face)."""
    from ..part.plan import resolve_feature

    if f.get("on", "top") != "top":
        return None
    try:
        res = resolve_feature(spec, f["id"])
    except ValueError:
        return None
    us = {("left" if u < -1e-6 else "right" if u > 1e-6 else None) for u, _ in res.points}
    return us.pop() if len(us) == 1 else None


def _standing(body: dict) -> bool:
    """A box whose height is plainly its long side (twice the others or more): a post, or a tube section on end."""
    h, others = body.get("height"), [body.get("length"), body.get("width")]
    return isinstance(h, (int, float)) and all(isinstance(x, (int, float)) and h >= 2 * x for x in others)


def _shift(at: dict, dv: float) -> dict:
    """A placement moved ``dv`` along its face's v (up on a side face)."""
    at = copy.deepcopy(at)
    if at["kind"] == "center":
        return {"kind": "at", "points": [[0.0, dv]]}
    if at["kind"] == "at":
        at["points"] = [[u, v + dv] for u, v in at["points"]]
    elif at["kind"] == "from_edge" and at["edge"] in ("left", "right"):
        at["along"] = at.get("along", 0.0) + dv
    elif at["kind"] in ("linear", "grid", "bolt_circle", "nema"):
        cu, cv = at.get("center", (0.0, 0.0))
        at["center"] = [cu, cv + dv]
    return at


def _height(body: dict) -> float:
    return float(body.get("height") or body.get("thickness") or body.get("length") or 10.0)


def _dims(body: dict) -> list[str]:
    return [p for p in ("length", "width", "height", "diameter", "outer_diameter", "bottom_diameter", "across_flats",
                        "thickness") if isinstance(body.get(p), (int, float))]


def _longest(body: dict) -> str:
    dims = _dims(body)
    return max(dims, key=lambda p: body[p]) if dims else "height"


def _shortest(body: dict) -> str:
    dims = [p for p in ("length", "width", "height") if p in body]
    return min(dims, key=lambda p: body[p])


def _get(body: dict, path: str):
    return body.get(path)


def _named_role(t: str) -> str | None:
    m = re.search(r"\b(length|width|height|thickness|diameter)\b", t)
    if m:
        return m.group(1)
    m = re.search(r"[\d.]\s*(?:mm|cm|in|\")?\s*(long|wide|tall|high|thick|deep)\b", t)     # "cut it down to 20 tall"
    return {"long": "length", "wide": "width", "tall": "height", "high": "height", "thick": "thickness",
            "deep": "height"}[m.group(1)] if m else None


def _said_again(f: dict) -> str | None:
    """A placed feature in the words that would add it ('a 10 mm hole', 'a 25 x 25 pocket 8 deep'), or None."""
    deep = f" {fmt(f['depth'])} deep" if isinstance(f.get("depth"), (int, float)) else ""
    if f["kind"] == "hole" and not f.get("cbore") and not f.get("csink"):
        size = f["size"] if isinstance(f["size"], str) else f"{fmt(f['size'])} mm"
        return f"a {size} hole{deep}"
    if f["kind"] == "pocket" and f.get("shape", "rect") == "rect" and not f.get("corner_radius") and \
            isinstance(f.get("length"), (int, float)) and isinstance(f.get("width"), (int, float)) and not f.get("angle"):
        return f"a {fmt(f['length'])} x {fmt(f['width'])} pocket{deep}"
    if f["kind"] == "boss" and isinstance(f.get("diameter"), (int, float)):
        return f"a {fmt(f['diameter'])} dia boss {fmt(f['height'])} tall"
    return None


def _hole_named(which: str | None, holes: list[dict], spec: dict) -> str | None:
    """The id of the one hole feature 'the big hole', 'the centre hole', 'the 30 mm hole', 'that one' (the one made
    last) names among ``holes``; None when no one feature is."""
    from ..part.tables import hole_diameter
    w = (which or "that").lower().strip()
    def dia(f):
        s = f.get("size")
        try:
            return float(s) if isinstance(s, (int, float)) else hole_diameter(str(s))[0]
        except (KeyError, ValueError):
            return None
    sized = [(dia(f), f["id"]) for f in holes if dia(f) is not None]
    if w in ("that", "this", "new", "last"):
        last = spec.get("features", [])[-1]
        return last["id"] if last["kind"] == "hole" else None
    if w.startswith(("big", "larg")) or w.startswith(("small",)):
        ds = sorted(sized, reverse=not w.startswith("small"))
        return ds[0][1] if len(ds) > 1 and ds[0][0] != ds[1][0] else None
    if w == "corner":
        corner = [f["id"] for f in holes if (f.get("at") or {}).get("kind") in ("corners", "from_corner")]
        return corner[0] if len(corner) == 1 else None
    if re.fullmatch(r"m\d+(?:\.\d+)?", w):
        named = [f["id"] for f in holes if str(f.get("size", "")).lower().startswith(w + " ")]
        return named[0] if len(named) == 1 else None
    if w in ("centre", "center", "middle", "central", "main"):
        mid = [f["id"] for f in holes if (f.get("at") or {"kind": "center"}).get("kind") == "center"]
        return mid[0] if len(mid) == 1 else None
    n = re.search(r"\d+(?:\.\d+)?", w)
    if n:
        named = [i for d, i in sized if abs(d - float(n.group(0))) < 1e-6]
        return named[0] if len(named) == 1 else None
    return None


def _floor_kept(r: EditResult, before: dict) -> None:
    """A shell whose walls the edit changed while the words keep its floor: the floor put back as it was."""
    was = {f["id"]: f for f in before.get("features", []) if f["kind"] == "shell"}
    for f in [f for f in r.spec.get("features", []) if f["kind"] == "shell" and f["id"] in was]:
        old = was[f["id"]]
        floor = old.get("bottom", old["thickness"])
        if f.get("open_face") in ("top", "bottom") and f.get("bottom", f["thickness"]) != floor:
            try:
                r.spec = _plain(ops.replace_feature(r.spec, f["id"], {**{k: v for k, v in f.items() if k != "id"},
                                                                      "bottom": floor}))
                r.done[:] = [d.replace(", the floor too", "") for d in r.done] + [f"{f['id']}: the floor kept {fmt(floor)} mm"]
            except (SpecError, ops.OpError) as exc:
                r.failed.append(f"{f['id']}: the floor kept {fmt(floor)} mm: {_first_line(exc)}")


def _hole_count(spec: dict) -> int:
    """How many holes the part has (a feature placed once counts one)."""
    return sum(_count(f.get("at") or {"kind": "center"}) or 1 for f in spec.get("features", []) if f["kind"] == "hole")


def _count(at: dict) -> int | None:
    if at.get("kind") in ("linear", "bolt_circle"):
        return at.get("count")
    if at.get("kind") == "corners":
        return 4
    if at.get("kind") == "grid":
        return at["counts"][0] * at["counts"][1]
    return None


def _standard_sized(spec: dict) -> dict:
    """A washer or nut given by its standard size, with its sizes from the table written out, so that an edit can
    change them ('make it 3 thick'); the same part (the standard is named in its name)."""
    body = spec["body"]
    if not body.get("standard"):
        return spec
    try:
        from ..part.geometry import resolved

        sizes = resolved(ops.parse({"body": body}).body)
        data = copy.deepcopy(spec)
        keep = {"kind", "id", "name"}
        data["body"] = {k: v for k, v in body.items() if k in keep}
        fields = {"tube": ("outer_diameter", "inner_diameter", "height"),
                  "polygon_prism": ("sides", "across_flats", "height", "bore")}.get(body["kind"], ())
        data["body"].update({k: sizes[k] for k in fields if sizes.get(k) is not None})
        data["body"].setdefault("name", f"{body.get('size', '')} {body['standard']}".strip())
        return _plain(ops.parse(data))
    except (SpecError, KeyError, ValueError, TypeError):
        return spec


def _body_for_features(body: dict) -> dict:
    """The body's sizes as the feature builder reads them (length / width of the top face)."""
    b = dict(body)
    if body.get("standard"):
        # a washer or nut by its standard size: its sizes from the table
        try:
            from ..part.geometry import resolved

            b.update({k: v for k, v in resolved(ops.parse({"body": body}).body).items() if v is not None})
        except (SpecError, KeyError, ValueError):
            pass
    if "length" not in b and "diameter" in b:
        b["length"] = b["width"] = b["diameter"]
    if "length" not in b and "outer_diameter" in b:
        b["length"] = b["width"] = b["outer_diameter"]
    return b


def _size_mm(f: dict) -> float | None:
    """A hole's diameter in mm (a number, or from the ISO 273 / tap drill table for 'M5 clearance')."""
    if isinstance(f.get("size"), (int, float)):
        return float(f["size"])
    try:
        return tables.hole_diameter(str(f.get("size")))[0]
    except (KeyError, ValueError):
        return None


def _describe(f: dict) -> str:
    bits = [f["kind"]]
    if "size" in f and f["kind"] == "hole":
        bits.append(f"Ø{fmt(f['size'])}" if not isinstance(f["size"], str) else f["size"])
    for k in ("radius", "size", "thickness", "diameter", "height", "edges"):
        if k in f and not (k == "size" and f["kind"] == "hole"):
            bits.append(f"{k} {f[k] if isinstance(f[k], str) else fmt(f[k])}")
    at = f.get("at", {})
    if at.get("count"):
        bits.append(f"x{at['count']}")
    return " ".join(bits)


class _EdgeMatch:
    """A FROM_EDGE-like match built from 'to the left edge, 25 mm in' (group 1: the number, 2: the edge)."""

    def __init__(self, num: str, edge: str, start: int):
        self._g, self._start = {1: num, 2: edge}, start

    def group(self, i: int) -> str:
        return self._g[i]

    def start(self, i: int) -> int:
        return self._start


def _numbers(x) -> set[float]:
    """Every number in a spec (sizes, counts, positions)."""
    if isinstance(x, bool):
        return set()
    if isinstance(x, (int, float)):
        return {float(x)}
    if isinstance(x, dict):
        return set().union(*(_numbers(v) for v in x.values())) if x else set()
    if isinstance(x, (list, tuple)):
        return set().union(*(_numbers(v) for v in x)) if x else set()
    return set()


def _plain(spec) -> dict:
    """A spec as a dict without unset fields (a closed shell keeps its open_face None)."""
    if hasattr(spec, "model_dump"):
        out = spec.model_dump(mode="json", exclude_none=True)
        for f, g in zip(spec.features, out.get("features", [])):
            if getattr(f, "kind", "") == "shell" and f.open_face is None:
                g["open_face"] = None
        return out
    return copy.deepcopy(spec)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


THEN = re.compile(r"\s*,\s*(?:and\s+)?then\s+(?=[a-z])|\s*(?:,|;|\band\b|\bthen\b)\s+(?:and\s+|but\s+)?(?:then\s+)?(?=(?:(?:just|also|maybe|please|now)\s+)?(?:add|put|drill|cut|bore|remove|delete|round|chamfer|"
                  r"fillet|bevel|shell|hollow|change|move|make|tap|counterbore|countersink|spread|space|widen|narrow|"
                  r"lengthen|shorten|thicken|increase|reduce|bump|rotate|drop|open(?!\s+(?:at\s+|on\s+)?(?:both|each|either|the two)\s+ends)|"
                  r"enlarge|shrink)\b|"
                  r"(?:(?<=\band )|(?<=; ))(?:the |its |all the |those |these )?(?:holes?|fillets?|rounds?|chamfers?|slots?|pockets?|walls?|bores?|"
                  r"hubs?|flanges?|boss(?:es)?|collars?|shoulders?|keyways?|counterbores?|countersinks?)\b(?! (?:of|on|in|at|"
                  r"around|for|to|and)\b)|"
                  r"the (?:big|bigger|small|smaller|large|larger|little|middle|centre|center|other|outer|inner|corner|"
                  r"new|first|last) (?:one|ones|holes?|bore)\b)")


_FLANGE_ADD = re.compile(r"\b(?:add|put|give it|with|needs?|want)\s+(?:a|an|one)\s+(flange|collar|shoulder|head)\b(.*)$", re.I | re.S)
_KEEPS_LENGTH = re.compile(r"\b(?:keep|keeping|same|unchanged|stays?|staying|still)\b[^.;]*\b(?:overall|length|long|oal)\b|"
                           r"\b(?:overall|length|oal)\b[^.;]*\b(?:same|unchanged|stays?|kept)\b", re.I)


def _flange_on_a_tube(text: str, data: dict) -> EditResult | None:
    """'add a flange on one end, 1-1/4 dia and 1/8 thick' on a plain sleeve: a flanged bushing, read as a new request
    of the same sleeve with the flange's words (its overall length kept when the words say so, else the flange added
    to it). None when the words are not that."""
    from .request import understand

    b = data.get("body") or {}
    m = _FLANGE_ADD.search(text)
    if b.get("kind") != "tube" or data.get("features") or not m:
        return None
    unit = data.get("units") or "mm"
    k = unit_mm(unit)
    words = _KEEPS_LENGTH.sub("", m.group(2)).strip(" .,;")
    size = lambda v: f"{fmt(v / k)} {'inch' if unit == 'in' else unit}"  # noqa: E731
    keep = bool(_KEEPS_LENGTH.search(text))
    req = (f"flanged bushing {size(b['outer_diameter'])} OD, {size(b['inner_diameter'])} bore, "
           + (f"{size(b['height'])} long overall" if keep else f"body {size(b['height'])} long")
           + f", {m.group(1).lower()} {words}")
    u = understand(req)
    if u.spec is None or u.missing or u.spec["body"].get("kind") != "shaft":
        return EditResult(None, failed=[f"the {m.group(1).lower()}'s diameter and thickness (e.g. 'add a flange 30 dia "
                                        "x 3 thick on one end')"])
    new = {**u.spec, "name": data.get("name", u.spec.get("name")), "units": unit}
    first = u.spec["body"]["sections"][0]
    return EditResult(new, done=[f"added a {m.group(1).lower()} Ø{fmt(first['diameter'])} x {fmt(first['length'])} at one end"],
                      notes=[("the overall length kept: the sleeve shortened by the flange" if keep else
                              "the flange added to the sleeve's length (say 'keep the overall length' to keep it)")])


_MOVE_CROSS = re.compile(r"\b(?:move|shift|slide|put|bring|take)\s+(?:the\s+|that\s+|this\s+)?(?:cross[- ]?|side\s+|radial\s+)?"
                         r"(?:hole|bore)\b\s*(?P<rest>.*)$")
_TO_END = re.compile(r"^(?:so (?:it(?:'s| is)|its cent(?:re|er) is)\s+)?(?:to\s+)?(?:be\s+)?(?P<n>[\d./]+)\s*(?:mm\s*)?(?:in\s+)?from\s+"
                     r"(?:the\s+)?(?P<which>other|far|opposite|near|nearest|same|closest)?\s*end\b")
_BY_WAY = re.compile(r"^(?:by\s+)?(?P<n>[\d./]+)\s*(?:mm\s*)?(?P<way>further in|in(?:wards?)?|closer to the (?:middle|cent(?:re|er))|"
                     r"toward(?:s)? the (?:middle|cent(?:re|er))|further out|out(?:wards?)?|closer to the end|toward(?:s)? the end|"
                     r"nearer the end|nearer the (?:middle|cent(?:re|er)))\b")


def _cross_hole_moved(text: str, data: dict) -> EditResult | None:
    """'move the cross hole to 25 from the end', '... 10 mm further in', '... to the middle' on a round bar with one cross
    hole: its place along the bar (v on its side face, from the end it is nearer, or the other). None when the part or
    the words are not that."""
    b = data.get("body") or {}
    holes = [f for f in data.get("features") or [] if f["kind"] == "hole" and f.get("on") in ("front", "back", "left", "right")]
    m = _MOVE_CROSS.search(text.lower().strip(" .!"))
    if b.get("kind") not in ("cylinder", "tube") or len(holes) != 1 or not m:
        return None
    h = holes[0]
    at = h.get("at") or {"kind": "center"}
    pts = [[0.0, 0.0]] if at["kind"] == "center" else at.get("points") if at["kind"] == "at" else None
    if not pts or len(pts) != 1:
        return None
    u, v = pts[0]
    H = b["height"]
    rest = m.group("rest").strip(" ,")
    to, by = _TO_END.match(rest), _BY_WAY.match(rest)
    if to:
        n = float(to.group("n"))
        far = to.group("which") in ("other", "far", "opposite")
        sign = -1.0 if v <= 0 else 1.0          # the end it is nearer (the bottom one when in the middle)
        if far:
            sign = -sign
        new_v = sign * (H / 2 - n)
    elif by:
        n = float(by.group("n"))
        inward = not re.search(r"out|end", by.group("way"))
        if abs(v) < 1e-9:
            return EditResult(None, failed=["which end to move the cross hole toward (it is in the middle)"])
        new_v = v - math.copysign(n, v) if inward else v + math.copysign(n, v)
    elif re.match(r"^(?:to\s+)?(?:the\s+)?(?:middle|cent(?:re|er))\b", rest):
        new_v = 0.0
    else:
        return None
    r = h["size"] / 2 if isinstance(h.get("size"), (int, float)) else 0.0
    if abs(new_v) + r > H / 2 - 1e-9:
        return EditResult(None, failed=[f"the cross hole {fmt(H / 2 - abs(new_v))} from the end of the {fmt(H)} mm bar: it "
                                        "would run off the end"])
    out = copy.deepcopy(data)
    g = next(f for f in out["features"] if f["id"] == h["id"])
    g["at"] = {"kind": "at", "points": [[u, round(new_v, 6)]]}
    return EditResult(out, done=[f"{h['id']} moved along the bar: {fmt(H / 2 - abs(v))} → {fmt(H / 2 - abs(new_v))} from "
                                 f"the {'lower' if new_v <= 0 else 'upper'} end"])


_BOSS_WORDS = re.compile(r"\b(?:boss|hub|spigot|collar|post|stub)\b")


def _boss_on_a_bored_disc(text: str, data: dict) -> EditResult | None:
    """'stick a boss on top 35 dia 10 high, bore through it too' on a disc with a bore (a short tube): the disc read as
    a cylinder with its bore a hole, so a boss can stand on its face and the bore go on through it. None when the
    part or the words are not that, or the edit on the disc so read does not go through."""
    b = data.get("body") or {}
    if b.get("kind") != "tube" or data.get("features") or not _BOSS_WORDS.search(text.lower()) or \
            b.get("height", 0) > b.get("outer_diameter", 0):
        return None
    disc = copy.deepcopy(data)
    disc["body"] = {k: v for k, v in b.items() if k not in ("outer_diameter", "inner_diameter", "kind")}
    disc["body"].update(kind="cylinder", diameter=b["outer_diameter"], height=b["height"])
    disc["features"] = [{"id": "bore", "kind": "hole", "size": b["inner_diameter"]}]
    r = _apply_edit(text, disc)
    if r.spec is None or r.failed:
        return None
    r.notes.insert(0, f"the disc read as a Ø{fmt(b['outer_diameter'])} cylinder with a Ø{fmt(b['inner_diameter'])} bore "
                      "through it (so the boss has a face to stand on)")
    return r


_TUBE_WALL = re.compile(r"\bwalls?\b|\bwall thickness\b")
_WALL_TO = re.compile(r"\bwalls?\s+(?:thickness\s+)?(?:to\s+|at\s+|of\s+|=\s*|is\s+|are\s+|should be\s+)?([\d./]+)\s*(?:mm)?(?!\s*(?:mm\s*)?"
                      r"(?:thicker|thinner|more|less))\b|\b([\d./]+)\s*(?:mm\s*)?(?:thick\s+)?walls?\b(?!\s*(?:thicker|thinner))")
_WALL_BY = re.compile(r"\b([\d./]+)\s*(?:mm\s*)?(thicker|thinner)\b|\b(thicker|thinner)\s+by\s+([\d./]+)")
_WALL_TIMES = re.compile(r"\b(twice as thick|double(?:d)?|half as thick|halve(?:d)?|three times as thick|triple(?:d)?)\b")


def _box_tube_wall(text: str, data: dict) -> EditResult | None:
    """'make the walls twice as thick', 'wall 3' on a square or rectangular tube (a block with a rectangular bore right
    through, the same wall all round): the bore made smaller or larger so the walls are that thick, the outside kept.
    None when the part or the words are not that."""
    b = data.get("body") or {}
    feats = data.get("features") or []
    t = text.lower()
    if b.get("kind") != "box" or len(feats) != 1 or not _TUBE_WALL.search(t):
        return None
    p = feats[0]
    if p.get("kind") != "pocket" or p.get("shape") != "rect" or p.get("depth") is not None or \
            (p.get("at") or {"kind": "center"})["kind"] != "center" or p.get("on", "top") != "top":
        return None
    w = (b["length"] - p["length"]) / 2
    if not math.isclose(w, (b["width"] - p["width"]) / 2, abs_tol=1e-6) or w <= 0:
        return None       # walls of two thicknesses: which one is meant is not guessed
    times, by, to = _WALL_TIMES.search(t), _WALL_BY.search(t), _WALL_TO.search(t)
    if times:
        word = times.group(1)
        new = w * (2 if word.startswith(("twice", "double")) else 0.5 if word.startswith(("half", "halve")) else 3)
    elif by:
        n = float(by.group(1) or by.group(4))
        new = w + (n if (by.group(2) or by.group(3)) == "thicker" else -n)
    elif to:
        new = float(to.group(1) or to.group(2))
    else:
        return None
    new = round(new, 6)
    if not 0 < new < min(b["length"], b["width"]) / 2:
        return EditResult(None, failed=[f"walls {fmt(new)} thick on the {fmt(b['length'])} x {fmt(b['width'])} tube "
                                        f"(less than {fmt(min(b['length'], b['width']) / 2)}, more than 0)"])
    out = copy.deepcopy(data)
    q = out["features"][0]
    q["length"], q["width"] = round(b["length"] - 2 * new, 6), round(b["width"] - 2 * new, 6)
    return EditResult(out, done=[f"walls {fmt(w)} → {fmt(new)} (the bore {fmt(q['length'])} x {fmt(q['width'])}, "
                                 "the outside kept)"])


_ONLY_ONE = re.compile(r"\b(?:only|just)\s+(?:need|want|keep)\s+(?:the\s+)?one\s+(groove|hole|slot|pocket|keyway|boss|flat)s?\b|"
                       r"\b(?:keep|leave)\s+(?:only|just)\s+(?:the\s+)?(?:first\s+|one\s+)(groove|hole|slot|pocket|keyway|boss|flat)s?\b|"
                       r"\b(?:drop|remove|delete|lose|ditch|get rid of)\s+the\s+other\s+(groove|hole|slot|pocket|keyway|boss|flat)\b",
                       re.I)


def _one_of_two(text: str, data: dict) -> EditResult | None:
    """'only need the one groove actually, drop the other one' with two grooves: the second one removed (the first
    kept where it is); None when the words are not that or there are not exactly two."""
    m = _ONLY_ONE.search(text)
    if not m:
        return None
    kind = next(g for g in m.groups() if g).lower()
    kind = {"flat": "keyway"}.get(kind, kind)
    same = [f for f in data.get("features", []) if f.get("kind") == kind]
    if len(same) != 2:
        return None
    try:
        new = ops.remove_feature(data, same[1]["id"])
    except (ops.OpError, SpecError):
        return None
    return EditResult(_plain(new), done=[f"removed {same[1]['id']} (the other {kind}; {same[0]['id']} kept)"])


def said_as_change(text: str) -> str:
    """A change asked as a question, said as the change: "shouldn't the holes be 5mm?" -> "make the holes 5mm?",
    "wouldn't it be better at 10 thick?", "how about making it 120 long?", "how thick is it? 9 would be better",
    "is 140 long possible?". Other words come back as they are. (The router tries the result on its probe parts.)"""
    asked = [p for p in re.split(r"\?\s+", text.strip()) if p.strip()]
    if len(asked) > 1 and re.search(r"\d", asked[-1]) and all(
            re.match(r"^\s*(?:how|what|what'?s|which)\b", p, re.I) and not re.search(r"\d", p) for p in asked[:-1]):
        text = re.sub(r"\s+(?:would be|is|'d be|will be)\s+(?:better|nicer|ok|okay|fine|best)\W*$", "", asked[-1], flags=re.I)
    text = re.sub(r"^\s*(?:should|would|could|must)n'?t\s+((?:the|it|its|they|this|that)\b(?:\s+[\w-]+){0,3}?)\s+be\s+", r"make \1 ",
                  text, flags=re.I)
    text = re.sub(r"^\s*(?:wouldn'?t|would|won'?t) it (?:be |look )?(?:better|nicer|stronger|ok|okay|fine) (?:at|with|if it was|"
                  r"if it were|as)\s+", "make it ", text, flags=re.I)
    text = re.sub(r"^\s*(?:how|what) about making\s+", "make ", text, flags=re.I)
    text = re.sub(r"^\s*is it (?:ok|okay|fine|possible) (?:if|for)\s+((?:the|it|its|they)\b(?:\s+[\w-]+){0,3}?)\s+(?:is|was|were|are|"
                  r"to be)\s+(?=[^?]*\d)", r"make \1 ", text, flags=re.I)
    text = re.sub(r"^\s*what (?:would|will|does) it look like (?:at|with|if it (?:was|were|is))\s+", "make it ", text, flags=re.I)
    text = re.sub(r"^\s*is\s+(?=[^?]*\d[^?]*\s+(?:possible|doable)\b)", "make it ", text, flags=re.I)
    return re.sub(r"\s+(?:be\s+)?(?:possible|doable)\s*\?*\s*$", "", text, flags=re.I)


# a size as written in an edit: a whole or decimal number, a fraction or a mixed number ("1-1/2", "3 1/4"), its unit
_SIZE_SAID = r"((?:\d+(?:\s*-\s*\d+/\d+|\s+\d+/\d+|/\d+|\.\d+)?|\.\d+)(?![\d/.])\s*(?:mm|cm|in|\")?)"


# "still 40 above the floor", "same wall height": the walls keep their height over a new floor ("walls unchanged"
# alone is their thickness kept)
WALLS_KEPT = re.compile(r"\b(?:still|stays?|keep(?:ing)?)"
                        r"\s+[\d.]+\s*(?:mm\s*)?(?:tall|high)?\s*above\s+the\s+(?:floor|bottom|base)\b|\bsame\s+(?:wall\s+height|"
                        r"height\s+above)\b|\bwalls?\s+(?:still\s+)?[\d.]+\s*(?:mm\s*)?(?:tall|high)\s+above\b")
_DIA = r"(?:[øØ⌀]\s*|\bdia\.?\s*|\bdiameter\s+)?"
_CBORE = r"(?:c'?bored?|cbored?|counter\s*-?\s*bored?)"
NEW_HOLE_AND_HEAD = re.compile(
    r"\b(?:revise|change|update|make|alter|turn)\s+(?:that|the|this|it|its|those|these|them|all(?:\s+the)?)?\s*"
    r"(?:callout|note|hole callout|holes?)?\s*(?:to\s+(?:read\s+)?|:\s*|into\s+)?(?:\d+\s*[xX]\s*)?" + _DIA +
    r"(\d*\.?\d+)\s*(?:mm\s*)?(?:(?:thru|through)(?:\s+all)?\s*)?(?:holes?\s*)?[,/]?\s*(?:(?:with|and)\s+(?:an?\s+)?)?"
    r"(?:" + _CBORE + r"\s*" + _DIA + r"(\d*\.?\d+)\s*(?:mm\s*)?(?:x|by)\s*(\d*\.?\d+)\s*(?:mm\s*)?(?:dp|deep)\b|" + _DIA +
    r"(\d*\.?\d+)\s*(?:mm\s*)?(?:x|by)\s*(\d*\.?\d+)\s*(?:mm\s*)?(?:dp|deep)\s+" + _CBORE + r"s?\b)", re.I)


_ORDINAL = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "eleventh": 11, "twelfth": 12}


def _said_of_patterns(text: str, data: dict) -> str:
    """Hole patterns and kept sizes said the way people say them, in the words the editor reads."""
    # "same pin at Ø10, same length and chamfers": both kept (the chamfers were asked a new size)
    text = re.sub(r"\bsame\s+(length|height|width|diameter|size|thickness|od|spacing|pitch)\s+(?:and|&)\s+"
                  r"(?=(?:holes?|chamfers?|fillets?|bevels?|rounds?|slots?|pockets?)\b)", r"same \1 and same ", text,
                  flags=re.I)
    # "same 30 spacing and hole size": the holes kept as they are (their size was asked)
    text = re.sub(r"\b(?:and|&)\s+(?:the\s+)?(?:hole|bolt)\s+(?:size|diameter)\b", "and same holes", text, flags=re.I)
    text = re.sub(r"\bsame\s+(?:hole|bolt)\s+(?:size|diameter)\b", "same holes", text, flags=re.I)
    # "tighten the pitch to 24", "open the spacing up to 30": the new spacing
    text = re.sub(r"\b(?:tighten|close up|reduce|open up|widen|loosen|increase|change)\s+(?:the\s+)?(pitch|spacing)\s+(?:up\s+)?to\b",
                  r"make the \1", text, flags=re.I)
    if (data.get("body") or {}).get("kind") == "shaft":
        # "four Ø9 holes in the flange" of a stepped shaft: the holes' size (a diameter said there was a section's)
        text = re.sub(r"(?<![\w.])(\w+)\s+(?:x\s*)?(?:[øØ⌀]\s*|dia\.?\s*)(\d+(?:\.\d+)?)\s*(?:mm\s*)?(holes?|bores?)\b",
                      r"\1 \2 mm \3", text)
        text = re.sub(r"\b(holes?|bores?)\s+(?:[øØ⌀]\s*|dia\.?\s*)(\d+(?:\.\d+)?)(?:\s*mm)?\b", r"\2 mm \1", text)
    holes = [f for f in data.get("features", []) if f["kind"] == "hole"]
    grids = [f for f in holes if (f.get("at") or {}).get("kind") == "grid"]
    if len(grids) == 1:
        # "switch the grid to 4 x 2: four along the 130 side, two across": the grid's counts (the 2 was read as Ø2)
        text = re.sub(r"\b(?:switch|change|turn|convert|go|make)\s+(?:the\s+)?(?:hole\s+)?(?:grid|pattern|array)\s+(?:to|into)\s+"
                      r"(?:an?\s+)?(\d+)\s*(?:x|by)\s*(\d+)\b(?:\s*(?:grid|pattern|array))?(?:\s*[:(,-]\s*(?:four|three|two|five|six|"
                      r"\d+)\s+along\s+[^,.;)]*?,?\s*(?:and\s+)?(?:four|three|two|five|six|\d+)\s+across\b\)?)?",
                      r"make the holes a \1 x \2 grid", text, flags=re.I)
    if len(grids) == 1 and len(holes) == 1:
        per, nrows = grids[0]["at"]["counts"]
        # "add a third row" (the rows as they are, one more), "make it 3 rows of 4", "10 holes, 5 in each row": the
        # grid's counts (each was refused, or read as 10 per row)
        text = re.sub(r"\badd\s+(?:a|an|one)\s+(?:(\w+)\s+)?row\b(?!\s*(?:of|with)\b)",
                      lambda m: f"make the holes a {per} x {nrows + 1} grid" if m.group(1) is None or
                      _ORDINAL.get(m.group(1).lower()) == nrows + 1 or m.group(1).lower() in ("another", "extra", "more")
                      else m.group(0), text, flags=re.I)
        text = re.sub(r"\b(\d+)\s+rows\s+of\s+(\d+)\b(?!\s*(?:mm|x|by))", r"a \2 x \1 grid", text, flags=re.I)
        # "change to 2 rows", "make it 4 columns", "2 rows instead of 3": that count, the other kept
        text = re.sub(r"^(\W*(?:(?:ok|now|and|then|so|actually)\W+)*)(?:(?:change|switch|go|make|reduce|cut|bump|take)\s+"
                      r"(?:it\s+|them\s+|the\s+(?:grid|pattern|holes)\s+)?(?:to|down to|up to|into)?\s*)?(\d+)\s+(rows|columns|cols)\b"
                      r"(?:\s+(?:instead(?:\s+of\s+\d+)?|of holes|only))?\s*(?:please|pls)?\W*$",
                      lambda m: f"{m.group(1)}make the holes a " + (f"{per} x {m.group(2)}" if m.group(3) == "rows" else
                                                                     f"{m.group(2)} x {nrows}") + " grid",
                      text, flags=re.I)
        text = re.sub(r"\b(\d+)\s+holes\s*,?\s*(\d+)\s+(?:in\s+each|per|a|in\s+every)\s+row\b",
                      lambda m: f"a {m.group(2)} x {int(m.group(1)) // int(m.group(2))} grid"
                      if int(m.group(2)) and int(m.group(1)) % int(m.group(2)) == 0 else m.group(0), text, flags=re.I)
    rows = [f for f in holes if (f.get("at") or {}).get("kind") in ("linear", "bolt_circle")]
    if len(rows) == 1 and len(holes) == 1:
        n = rows[0]["at"].get("count") or 0
        # "add a sixth hole" to a row of five: six of them (not a new hole in the middle, on top of one)
        # (not "add a third hole in the middle": a hole of its own, where it is said)
        text = re.sub(r"\badd\s+(?:a|one|an)\s+(\w+)\s+(?:one|hole)\b(?![^.;]*\b(?:in the (?:middle|cent(?:re|er))|between|"
                      r"from|at|on the)\b)",
                      lambda m: f"make it {n + 1} holes" if _ORDINAL.get(m.group(1).lower()) == n + 1 else m.group(0), text,
                      flags=re.I)
    return text


def apply_edit(text: str, spec) -> EditResult:
    """Apply the change ``text`` asks for to ``spec`` (a dict or PartSpec). ``result.spec`` is the new
    spec (a dict) or None when nothing could be changed; ``result.failed`` says why. Several actions
    joined by "and" / "then" ("remove the holes and put one 20 mm hole in the middle") apply in order."""
    data = _plain(spec)
    text = said_as_change(text)
    text = _said_of_patterns(text, data)
    circles = [f["at"]["diameter"] for f in data.get("features", []) if (f.get("at") or {}).get("kind") == "bolt_circle"]
    if len(set(circles)) == 1:
        # "increase the pcd by 5", "bolt circle 10 smaller": the holes' circle (not the part's diameter)
        def pcd(way: str, n: str, unit: str | None) -> str:
            mm = float(n) * {'"': 25.4, "in": 25.4, "cm": 10.0}.get((unit or "").strip(), 1.0)
            grow = way.lower() in ("increase", "enlarge", "grow", "widen", "expand", "bigger", "larger")
            return f"bolt circle {fmt(circles[0] + mm if grow else circles[0] - mm)}"
        circle = r"(?:pcd|bcd|bolt circle|pitch circle|hole circle)(?:\s+diameter)?"
        text = re.sub(rf"\b(increase|enlarge|grow|widen|expand|reduce|decrease|shrink)\s+(?:the\s+)?{circle}\s+by\s+"
                      r"(\d*\.?\d+)(\s*(?:mm|cm|in|\"))?", lambda m: pcd(m.group(1), m.group(2), m.group(3)), text, flags=re.I)
        text = re.sub(rf"\b(?:the\s+)?{circle}\s+(\d*\.?\d+)(\s*(?:mm|cm|in|\"))?\s+(bigger|larger|smaller)\b",
                      lambda m: pcd(m.group(3), m.group(1), m.group(2)), text, flags=re.I)
    body = data.get("body") or {}
    if body.get("kind") == "box" and abs(float(body.get("length", 0)) - float(body.get("width", 0))) > 1e-6:
        # "15 either side of it along the 60 side": along the length (the side that long), said in those words
        def _side(m: re.Match) -> str:
            v = float(m.group(2)) * {"cm": 10.0, "in": 25.4, '"': 25.4}.get((m.group(3) or "").strip(), 1.0)
            way = next((k for k in ("length", "width") if abs(float(body[k]) - v) < 1e-6), None)
            return f"{m.group(1)} the {way}" if way else m.group(0)
        text = re.sub(r"\b(along|parallel to|in line with)\s+the\s+(\d*\.?\d+)\s*(mm|cm|in|\")?\s*(?:long\s+)?(?:side|edge)\b",
                      _side, text, flags=re.I)
    if (data.get("body") or {}).get("kind") in ("cylinder", "shaft"):
        # "make it a 50 mm bar instead, same length" on a round bar: its diameter (a size said of the whole round part)
        text = re.sub(r"\b(?:make\s+it\s+|change\s+it\s+to\s+|go\s+(?:with|for)\s+)?an?\s+(\d*\.?\d+(?:\s*-?\s*\d+/\d+)?\s*(?:mm|cm|inch(?:es)?|in|\")?)"
                      r"(?:\s*(?:dia(?:meter)?|od))?\s+(?:round\s+)?(?:bar|rod|shaft|pin|dowel|cylinder|round|stock|axle|spindle)\b",
                      r"make it \1 dia", text, flags=re.I)
    # "chamfer both ends of the bore 1mm": the bore's rims (the 1 was read as the bore's new size, marked ok)
    text = re.sub(r"\b(?:both|each|either|the\s+two|the)\s+ends?\s+of\s+(?:the\s+)?(bore|hole|holes|id)\b", r"the \1 edges", text,
                  flags=re.I)
    text = re.sub(r"\b(break|ease|deburr|soften)\s+the\s+edges\s+of\s+the\s+(bore|hole|holes)\b", r"chamfer the \2 edges",
                  text, flags=re.I)
    # "make him 30", "make she 30, the bore": a pronoun for the thing (non-native 'him', 'she')
    text = re.sub(r"\b(make|set|change|turn|put)\s+(?:him|her|she|he)\b", r"\1 it", text, flags=re.I)
    # "the bore, please make it 30", "the hole in center, make this one 30": the thing named first, then the change
    text = re.sub(r"^\W*(?:the|this|that)\s+((?:\w+\s+){0,2}?(?:bore|hole|holes|slot|slots|pocket|boss|hub|fillets?|chamfers?|"
                  r"flange|walls?|keyway|groove)(?:\s+in\s+(?:the\s+)?(?:cent(?:er|re)|middle))?)\s*[,:;-]+\s*(?:please\s+|pls\s+)?"
                  r"(?:you\s+)?(make|set|change|put|open|bore)\s+(?:it|this one|that one|this|that|them)\b",
                  lambda m: f"{m.group(2)} the {m.group(1)}", text, flags=re.I)
    text = re.sub(r"^\W*(make|set|change)\s+it\s+([\d./]+\s*(?:mm|cm|in|\")?)\s*[,;-]+\s*(the\s+(?:\w+\s+)?(?:bore|hole|slot|"
                  r"pocket|boss|hub))\W*$", r"\1 \3 \2", text, flags=re.I)       # "make she 30, the bore": the bore 30
    # "bore it out to 2 in": a number with 'in' closing the sentence is in inches (no preposition ends a request)
    # (not "at the right end, 20 in": that far in from it)
    text = re.sub(r"(\b(?:to|of|is|be|by)\s+\d*\.?\d+(?:\s*-?\s*\d+/\d+)?)\s+in\s*([.!]?\s*)$", r"\1 inch\2", text)
    if any(f["kind"] == "shell" for f in data.get("features", [])) and (data.get("body") or {}).get("kind") == "box":
        # "make the sides 1/8 thick, floor stays 3/8" on an open box: its walls (not the part made 1/8 tall)
        text = re.sub(r"\b(the\s+)?(?:side\s+walls|sides)\b(?=[^,;.]*?\b(?:thick|thk|thicker|thinner)\b)", r"\1walls", text,
                      flags=re.I)
    holes_there = [f for f in data.get("features", []) if f["kind"] == "hole"]
    if holes_there:
        # "add a counterbore to those", "put a countersink on each hole": the heads of the holes there (not a new hole)
        text = re.sub(r"\b(?:add|put|give|cut|machine)\s+(?:an?\s+)?(counter\s*-?\s*bores?|countersinks?|c'?bores?|csk|csinks?)\s+"
                      r"(?:to|on|in|into|for)\s+(?:them|those|these|the holes|all of them|all the holes|each(?: hole| of them)?|"
                      r"every hole|both)\b",
                      lambda m: f"{m.group(1)} them", text, flags=re.I)
        sizes = {float(f["size"]) for f in holes_there if isinstance(f.get("size"), (int, float))}
        total = _hole_count(data)
        per = unit_mm(UNITS[data.get("units", "mm")]) if UNITS.get(data.get("units", "mm")) else 1.0

        def _that_one(m: re.Match) -> str:
            # "; the 2\" bore goes through it too": the bore there, named by its size (not a new hole)
            (said,) = numbers(normalize(f"{m.group(1)} {m.group(2) or ''}"))[:1] or [None]
            return f"the {m.group(3)}" if said is not None and any(abs(said.mm(per) - z) < 1e-6 for z in sizes) \
                else m.group(0)
        # "change the Ø22 x 12 DP to go all the way through": the hole there by its callout (not a 22 x 12 grid)
        text = re.sub(r"\bthe\s+(?:[øØ⌀]|dia\.?\s*)\s*(\d*\.?\d+)\s*(?:mm\s*)?x\s*\d*\.?\d+\s*(?:mm\s*)?(?:dp|deep)\b(?:\s+(?:hole|bore))?",
                      lambda m: f"the {m.group(1)} hole" if any(abs(float(m.group(1)) * per - z) < 1e-6 for z in sizes)
                      else m.group(0), text, flags=re.I)
        text = re.sub(r"\bthe\s+(\d+(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?|\.\d+)\s*(mm|cm|inch|in|\")?\s*(?:dia\s+|diameter\s+)?"
                      r"(bore|hole|center hole|centre hole)\b(?=\s+(?:goes|runs|go|run|is|stays|should)\b)", _that_one, text,
                      flags=re.I)
        # "make those 2x M8 x 12 deep": as many as there are (a count said with the screw size, not a grid)
        text = re.sub(r"\b(\d+)\s*[xX]\s*(?=[mM]\d)", lambda m: "" if int(m.group(1)) == total else m.group(0), text)

        if len(holes_there) == 1:
            # "change to 4X Ø9 THRU, CBORE Ø15 x 8 DP", "make the holes Ø9 with a Ø15 x 8 deep counterbore": the holes'
            # new size and their new counterbore (never a new hole in the middle)
            text = NEW_HOLE_AND_HEAD.sub(lambda m: f"make the holes {m.group(1)} and the counterbores "
                                                   f"{m.group(2) or m.group(4)} dia {m.group(3) or m.group(5)} deep", text)

        # "deepen the counterbores to 12": their depth (they were made Ø12)
        text = re.sub(r"\bdeepen\s+(?:the\s+|those\s+|these\s+|all\s+(?:the\s+)?|its\s+)?(c'?bores?|cbores?|"
                      r"counter\s*-?\s*bores?|holes?)\s+to\s+(\d+(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?|\.\d+)(\s*(?:mm|cm|in\b|inch(?:es)?|\"))?",
                      r"make the \1 \2\3 deep", text, flags=re.I)
        heads = [f["cbore"] for f in holes_there if isinstance(f.get("cbore"), dict) and all(
            isinstance(f["cbore"].get(k), (int, float)) for k in ("diameter", "depth"))]
        if len(heads) == 1 and len(holes_there) == 1:
            def _head_by(m: re.Match) -> str:
                # "make the cbores 2 mm deeper", "counterbores 1 wider": the counterbore's own sizes, changed by that much
                # (the part was made 2 taller)
                said = numbers(normalize(f"{m.group(1)} {m.group(2) or ''}" if m.group(1) else
                                         f"{m.group(4)} {m.group(5) or ''}"))
                by = said[0].mm(per) if said else None
                word = m.group(3).lower()
                if by is None:
                    return m.group(0)
                sign = -1 if word in ("shallower", "narrower", "smaller") else 1
                dia, depth = heads[0]["diameter"], heads[0]["depth"]
                dia, depth = (dia + sign * by, depth) if word not in ("deeper", "shallower") else (dia, depth + sign * by)
                return f"make the counterbores {dia:g} mm dia {depth:g} mm deep"
            text = re.sub(r"\b(?:make|cut|sink|have)?\s*(?:the|those|these|all(?:\s+the)?|its)?\s*(?:c'?bores?|cbores?|"
                          r"counter\s*-?\s*bores?)\s+(?:(\d+/\d+|\d*\.?\d+)\s*(mm|\"|in\b|inch(?:es)?|cm)?\s*)?"
                          r"(deeper|shallower|wider|bigger|larger|narrower|smaller)\b(?:\s+by\s+(\d+/\d+|\d*\.?\d+)\s*"
                          r"(mm|\"|in\b|inch(?:es)?|cm)?)?",
                          lambda m: _head_by(m) if (m.group(1) is None) != (m.group(4) is None) else m.group(0), text,
                          flags=re.I)

        def _restated(m: re.Match) -> str:
            # "revise that callout to 4X Ø9 THRU, CBORE Ø18 x 9 DP": the hole as it is said again, then its new head
            return "" if any(abs(float(m.group(1)) - z) < 1e-6 for z in sizes) else m.group(0)
        text = re.sub(r"(?:\b(?:revise|change|update|make|alter)\s+(?:that|the|this|it|its)?\s*(?:callout|note|hole callout|"
                      r"holes?)?\s*(?:to\s+(?:read\s+)?|:\s*)?)?(?:\b\d+\s*[xX]\s*)?(?:[øØ⌀]|\bdia\.?)\s*(\d*\.?\d+)\s*(?:mm\s*)?"
                      r"(?:thru|through)(?:\s+all)?\s*[,/]?\s*(?=(?:c'?bore|cbore|counter\s*-?\s*bore|csk|countersink|c'?sink)\b)",
                      _restated, text, flags=re.I)
    circles = [f for f in data.get("features", []) if (f.get("at") or {}).get("kind") == "bolt_circle"]
    if len(circles) == 1:
        # "make it a six bolt, same PCD and hole size", "8-bolt instead": the bolt circle's count
        text = re.sub(r"\bsame\s+(pcd|bolt circle|circle|spacing|pitch)\s+(?:and|&)\s+(?:the\s+)?(?:hole|bolt)\s+"
                      r"(?:size|sizes|diameter)\b", r"same \1", text, flags=re.I)     # (the holes' size stays anyway)
        text = re.sub(r"\b(?:an?\s+)?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:bolt|hole|stud)\b"
                      r"(?!\s*(?:holes?|circle|pcd|diameter|dia)\b)(?:\s+(?:flange|pattern|version|one))?",
                      r"\1 holes", text, flags=re.I)
    rows = [f for f in data.get("features", []) if f["kind"] == "hole" and (f.get("at") or {}).get("kind") == "linear"
            and f.get("on", "top") == "top"]
    if len(rows) == 1 and len([f for f in data.get("features", []) if f["kind"] == "hole"]) == 1:
        # "move the end holes 10 closer to the middle" on a row of holes on the top: the row's outer holes, moved in
        # along it (they were read as holes in the end faces, and refused)
        if REMOVE.search(text) and rows[0]["at"].get("count", 0) >= 3:
            # "remove the two end holes" of a row of five: its outer two, the rest where they are
            text = re.sub(r"\b(?:the\s+)?(?:two\s+|both\s+|2\s+)?(?:end|outer|outermost)\s+(?:two\s+|2\s+)?holes\b",
                          "the outer 2 holes", text, flags=re.I)
        if re.search(r"\b(?:move|moved|shift|bring|push|slide|nudge|pull)\b", text, re.I) and not REMOVE.search(text):
            # (only to move them: "remove the two end holes" takes those two off the row)
            text = re.sub(r"\b(?:the\s+)?(?:two\s+|both\s+)?(?:end|outer|outside|outermost)\s+holes\b", "the holes", text,
                          flags=re.I)
        text = re.sub(r"\b(\d*\.?\d+\s*(?:mm|cm|in|\")?)\s+(?:each\s+)?(?:closer|nearer)\s+(?:in\s+)?(?:to|towards?)\s+(?:the\s+)?"
                      r"(?:middle|cent(?:er|re)(?:\s+of\s+the\s+(?:part|bar|plate|strip))?)\b", r"inward by \1", text, flags=re.I)
        text = re.sub(r"\b(\d*\.?\d+\s*(?:mm|cm|in|\")?)\s+(?:each\s+)?(?:closer|nearer)\s+(?:to|towards?)\s+(?:the|their|each)\s+"
                      r"(?:ends?|edges?)\b", r"outward by \1", text, flags=re.I)
    blind = [f for f in data.get("features", []) if f["kind"] == "hole" and f.get("depth") is not None]
    if len(blind) == 1 and re.search(r"^\W*(?:(?:no|ok|actually|and|also|then)\W+)*(?:through|thru)\s+(?:all|instead(?:\s+of\s+[\d.]+"
                                     r"\s*(?:mm\s*)?deep)?)\W*$|\bbreak(?:s|ing)?\s+through\b|^\W*all the way (?:thru|through)\W*$|"
                                     r"\bcome[s]?\s+out\s+(?:of\s+)?(?:the|at the)\s+(?:bottom|other side|back|underside)\b|"
                                     r"\bno bottom (?:to|in|on) the (?:hole|bore)\b|\bbottomless\b", text, re.I):
        # "through instead of 12 deep", "break through the bottom", "no bottom to the hole": the blind hole made through
        text = "make the hole go all the way through"
    # "thicken the legs to 6mm", "thin the plate down to 3": the thickness of what it names; "make the material 6mm",
    # "6 mm stock": the wall of a bent or flat part
    text = re.sub(r"\b(?:thicken|thin)\s+(?:down\s+)?(?:up\s+)?(the\s+|its\s+|both\s+|all\s+(?:the\s+)?)?((?:[a-z]+\s+)?)"
                  r"(?:down\s+|up\s+)?to\s+" + _SIZE_SAID,
                  lambda m: f"make {m.group(1) or ''}{m.group(2)}{m.group(3)} thick", text, flags=re.I)
    # "change the thickness of the web and flanges to 6": the walls it names made that thick (not the flanges' height)
    text = re.sub(r"\b(?:(?:make|change|set|bump|increase|reduce|drop)\s+)?(?:the\s+)?(?:wall\s+)?(?:thickness|thk)\s+of\s+"
                  r"((?:(?:the|both|all|its|and|,)\s*)*(?:web|stem|flanges?|legs?|sides?|walls?|base|uprights?)"
                  r"(?:\s*(?:,|and|&)\s*(?:(?:the|both|all|its)\s+)*(?:web|stem|flanges?|legs?|sides?|walls?|base|uprights?))*)\s+"
                  r"(?:(?:to|at|=|:|is|should be|of)\s*)?" + _SIZE_SAID + r"(?!\s*(?:thick|long|wide|tall|high|deep))",
                  r"make \1 \2 thick", text, flags=re.I)
    text = re.sub(r"\b(?:make|change|set)\s+the\s+(?:material|stock|sheet|metal)(?:\s+thickness)?\s+(?:to\s+)?" + _SIZE_SAID +
                  r"(?!\s*(?:thick|long|wide|tall|high|deep))",
                  r"make it \1 thick", text, flags=re.I)
    thru = [f for f in data.get("features", []) if f["kind"] == "hole" and f.get("depth") is None]
    if len(thru) == 1 and not blind:
        # "only 15 deep", "don't go all the way through, stop at 15": the one through hole made blind (not the part
        # made 15 tall, marked ok)
        text = re.sub(r"^\W*(?:(?:only|just|make that|no,?|actually)\s+)*(\d*\.?\d+\s*(?:mm|cm|in|\")?)\s*deep\W*$",
                      r"make the hole \1 deep", text, flags=re.I)
        text = re.sub(r"^.*\b(?:do(?:n'?t| not) go (?:all the way )?(?:through|thru)|not (?:all the way )?(?:through|thru))\b.*?"
                      r"\b(?:stop(?:ping)? at|only|just)\s+(\d*\.?\d+\s*(?:mm|cm|in|\")?)(?:\s*deep)?\W*$",
                      r"make the hole \1 deep", text, flags=re.I)
    # "cut the height down to 20", "bring the length down to 80": that size
    text = re.sub(r"\b(?:cut|bring|take|drop|reduce|lower|trim)\s+(?:the\s+|its\s+)?(height|length|width|thickness|diameter)\s+"
                  r"down\s+to\b", r"make the \1", text, flags=re.I)
    # "cut the keyway deeper, 5 mm", "drill the holes bigger": the one there changed (not a new one cut)
    text = re.sub(r"\b(?:cut|mill|drill|bore|machine|sink)\s+(the|that|those|its)\s+((?:\w+\s+)?(?:keyways?|slots?|pockets?|grooves?|"
                  r"holes?|bores?|counterbores?|recess(?:es)?))\s+(?=(?:a\s+(?:bit|little|touch)\s+)?(?:deeper|shallower|wider|"
                  r"narrower|longer|shorter|bigger|larger|smaller)\b)", r"make \1 \2 ", text, flags=re.I)
    # "it's too thick, make it 12": one change (the clauses would read as a complaint and a bare 'make it 12')
    text = re.sub(r"\b(?:it'?s\s+|it is\s+)?(?:a bit\s+|a little\s+|way\s+|much\s+)?too\s+(long|wide|tall|high|thick|deep)\s*"
                  r"[,;.-]*\s*(?:so\s+)?(?:make it|go|go to|change it to|should be|needs to be|i want)\s+(\d*\.?\d+(?:\s*(?:mm|cm|in|\"))?)"
                  r"(?!\s*(?:mm\s*)?(?:long|wide|tall|high|thick|deep|shorter|longer|less|more|thinner|narrower))",
                  lambda m: f"make it {m.group(2)} {m.group(1)}", text, flags=re.I)
    # "make thicker 6": the new size, the way it goes ('thicker, 6'); "+ 10mm hole center": a hole added
    text = re.sub(r"^\s*make\s+(thicker|thinner|longer|shorter|wider|narrower|taller|deeper|shallower)\s+([\d./]+\s*(?:mm|cm|in|\")?)"
                  r"\s*$", r"\1, \2", text, flags=re.I)
    text = re.sub(r"^\s*\+\s*(?=(?:an?\s+|one\s+)?(?:[ø⌀]?\s*[\d./]+\s*(?:mm|cm|in|\")?\s*(?:dia\w*\s+)?)?(?:holes?|slots?|pockets?|"
                  r"boss|chamfer|fillet|bore)\b)", "add ", text, flags=re.I)
    # "make it hollow (3mm) without top", "scoop it out, walls 3 thick": open at the top, hollowed (nothing removed)
    text = re.sub(r"\bwithout (?:a |the |any )?(?:top|lid|cover)\b", "open top", text, flags=re.I)
    if not any(f["kind"] == "shell" for f in data.get("features", [])) and re.search(r"\b(?:walls?|hollow\w*|shell\w*)\b", text, re.I):
        # "remove the top face, 2mm walls", "hollow it but remove the top": hollowed, open there (nothing to remove)
        text = re.sub(r"\b(?:remove|delete|take off|take away|drop|lose|cut off)\s+(?:the\s+)?(top|bottom)(?:\s+(?:face|lid|side|"
                      r"wall))?\b", r"open at the \1", text, flags=re.I)
    text = re.sub(r"\b(?:scoop|hollow|carve)\s+(?:it|the \w+)?\s*out\b", "hollow it out", text, flags=re.I)
    if len([f for f in data.get("features", []) if f["kind"] == "boss"]) == 1 and data.get("body", {}).get("kind") != "shaft" \
            and not ADD_VERB.search(text):
        # "spigot should be longer - 10mm", "lip needs to be deeper, make it 15": the one boss, named as the reader named it
        text = re.sub(r"\b(?:spigot|register|stem|peg|post|stub|pilot|nub|locating (?:step|ring|lip)|lip|rim|skirt)\b"
                      r"(?!\s+(?:holes?|bores?))", "boss", text, flags=re.I)
    if data.get("body", {}).get("kind") == "profile":
        # "the short leg needs to be 50", "base leg should be 70": a leg's new size (as "short leg to 50")
        text = re.sub(r"\b((?:(?:short|shorter|long|longer|base|bottom|upright|vertical|horizontal|other)\s+)?(?:legs?|arms?|"
                      r"flanges?))\s+(?:should be|needs to be|need to be|has to be|have to be|must be|ought to be|wants to be|"
                      r"is to be|be|are)\s+(?=[\d.])", r"make the \1 ", text, flags=re.I)
        # ("can the legs be 60 long instead?": both legs, not how far it runs)
    screw = None
    if any(f["kind"] == "hole" for f in data.get("features", [])):
        # "switch them to M5 - 5.5 thru with an 11 countersink": the screw named, then the holes' own sizes (those are used)
        screw = re.search(r"\b(M\d+(?:\.\d+)?)\s*(?:[-–:,(]|\bso\b|\bi\.?e\.?|\bwith\b)\s*(?=[\d.]+\s*(?:mm\s*)?(?:thru|through|"
                          r"clearance|holes?|dia\b|diameter|Ø))", text, re.I)
        if screw:
            text = text[:screw.start()] + text[screw.end():]
        # "5.5 thru with an 11 countersink": the holes' size and their heads' (not a new hole)
        text = re.sub(r"^(?:.*?\b(?:make|switch|change|turn)\s+(?:(?:them|those|the holes|these|all)\s+)?(?:to\s+|into\s+)?)?([\d./]+)"
                      r"\s*(?:mm\s*)?(?:thru|through)(?:\s+holes?)?\s*(?:,|with|and|\+|plus)\s*(?:an?\s+)?([\d./]+)\s*(?:mm\s*)?"
                      r"(?:dia\w*\s+|Ø\s*)?(countersinks?|csk|counterbores?|cbores?|c'bores?)\b",
                      lambda m: f"holes {m.group(1)}, {'countersink' if m.group(3).lower().startswith(('countersink', 'csk')) else 'counterbore'} "
                                f"{m.group(2)}", text, flags=re.I)
    # "undo the chamfer", "take back the fillets": that feature removed (the router leaves a named feature's undo here)
    text = re.sub(r"^\W*(?:(?:ok|okay|hmm+|actually|no|nah)[,.!]?\s+)*(?:undo|revert|take back|back out|reverse)\s+"
                  r"(?=(?:the|that|those|these|its|my|your)\s+(?:\w+\s+)?(?:fillets?|chamfers?|rounds?|bevels?|holes?|"
                  r"slots?|pockets?|counterbores?|countersinks?|bosses|boss|hubs?|keyways?|grooves?|shell)\b)",
                  "remove ", text, flags=re.I)
    grids = [f for f in data.get("features", []) if (f.get("at") or {}).get("kind") == "grid"]
    if len(grids) == 1 and data.get("body", {}).get("kind") == "box":
        # "make it 5 along the long side": the grid's count along that side, the other kept (as 'a 5 x 3 grid')
        def _along(m):
            n, side = int(m.group(1)), m.group(2).lower()
            L, W = data["body"]["length"], data["body"]["width"]
            if re.match(r"\d", side):
                k = {"mm": 1.0, "cm": 10.0, "in": 25.4}.get(data.get("units", "mm"), 1.0)
                first = abs(float(side) * k - L) <= abs(float(side) * k - W)
            else:
                first = (side.startswith("long")) == (L >= W)
            cu, cv = grids[0]["at"]["counts"]
            return f"make the grid {n} x {cv}" if first else f"make the grid {cu} x {n}"
        text = re.sub(r"^\W*(?:(?:ok|now|and|then)\W+)*(?:make (?:it|that|them)\s+|(?:i )?want\s+)?(\d+)\s+(?:holes?\s+)?(?:along|on|down|"
                      r"across)\s+the\s+(long(?:er)?|short(?:er)?|\d*\.?\d+)\s*(?:mm\s*)?(?:side|edge|length|way|direction)\b",
                      _along, text, flags=re.I)
    # "hub 50 OD and 20 long": the second size is the hub's too (it was the part's height)
    text = re.sub(r"^(\s*(?:(?:make|set|change)\s+)?(?:the\s+)?(hub|boss|slot|pocket|keyway|groove|collar|counterbore|"
                  r"window|cut-?out)\b(?:(?!\b(?:and|it|part|plate|block|body)\b)[^,;])*?)\s+and\s+(?=(?:make\s+it\s+)?[\d./]+\s*"
                  r"(?:mm|cm|\"|in)?\s*(?:long|tall|high|deep|wide|thick|dia|od)\b)",
                  r"\1 and the \2 ", text, flags=re.I)
    # "take the lid off", "lose the top", "no lid": a closed shell opened at the top
    if any(f.get("kind") == "shell" for f in data.get("features", [])):
        text = re.sub(r"\b(?:take|cut|lift|pull)\s+(?:the\s+)?(?:lid|top)\s+off\b|\b(?:remove|delete|lose|drop|ditch|get rid of)\s+"
                      r"(?:the\s+)?(?:lid|top(?! edges?)(?:\s+(?:face|wall|panel|side))?)\b|\bno (?:lid|top)\b|\bwithout (?:a |the )?(?:lid|top)\b|"
                      r"\blidless\b", "open the top", text, flags=re.I)
    # "add a 25mm counterbore 5 deep to the hole", "put a countersink on those holes, 12 dia": the holes there get it
    text = re.sub(r"\b(?:add|put|give|cut|machine)\s+(?:a|an)\s+([^,.;]*?)\b(counter\s?bores?|c'?bores?|counter\s?sinks?|csk)\b"
                  r"([^.;]*?)\s+(?:to|on|in|into|for|at)\s+((?:the|those|these|all the|all|each|every|both)\s+(?:\w+\s+)?"
                  r"holes?)\b(.*)$",
                  lambda m: (f"{'countersink' if re.search(r'sink|csk', m.group(2), re.I) else 'counterbore'} {m.group(4)} "
                             f"{m.group(1)} {m.group(3)} {m.group(5)}").strip(), text, flags=re.I)
    # "raise both holes by 10mm", "lower the slot 5": moved up or down on their face (never a size made larger)
    text = re.sub(r"\b(raise|lift|lower|drop)\s+((?:the\s+|both\s+|all\s+|that\s+|those\s+|its\s+)*(?:\w+\s+)?"
                  r"(?:holes?|slots?|pockets?|boss(?:es)?|bores?|counterbores?|windows?|cut-?outs?))\s+(?:by\s+)?(?=[\d.])",
                  lambda m: f"move {m.group(2)} {'up' if m.group(1).lower() in ('raise', 'lift') else 'down'} ", text,
                  flags=re.I)
    per_unit = {"mm": 1.0, "cm": 10.0, "in": 25.4}.get(data.get("units", "mm"), 1.0)
    kept: list[str] = []

    def _apart(m):
        kinds = {w for w in ("hole", "slot", "pocket") if w in m.group(1).lower()}
        rows = [f for f in data.get("features", []) if f["kind"] in kinds]
        v = float(m.group(2)) * per_unit
        if rows and {f["kind"] for f in rows} == kinds and all(
                (f.get("at") or {}).get("kind") == "linear" and math.isclose(f["at"].get("spacing", -1), v) for f in rows):
            kept.append(m.group(0).strip(" ,;:-"))
            return ""
        return m.group(0)
    # "holes and slots stay 60 apart in the middle": as they are (a row stays where it is on its face as the part grows)
    text = re.sub(r"\s*(?:[,;:-]|\band\b|\bbut\b)?\s*(?:the\s+)?((?:holes?|slots?|pockets?)(?:\s+and\s+(?:the\s+)?(?:holes?|slots?|"
                  r"pockets?))?)\s+(?:both\s+)?(?:stay|stays|remain|remains|still|kept|keep)\s+(?:at\s+)?(\d+(?:\.\d+)?)\s*(?:mm\s*)?"
                  r"apart(?:\s*,?\s*(?:in the middle|centred|centered|in the cent(?:er|re)))?", _apart, text, flags=re.I)
    flanged = _flange_on_a_tube(text, data) or _one_of_two(text, data) or _box_tube_wall(text, data) or \
        _cross_hole_moved(text, data) or _boss_on_a_bored_disc(text, data)
    if flanged is not None:
        return flanged
    r = _apply_edit(text, spec)
    r.notes += [f"kept as it is: '{k}'" for k in kept]
    if r.spec and any(f["kind"] == "shell" and f.get("open_face") != "top" for f in r.spec.get("features", [])):
        # "hollow, 2 mm wall, open at the bottom": read a piece at a time, the open top assumed first was not kept
        r.notes = [n for n in r.notes if not n.startswith("open at the top (say 'closed'")]
    if screw and r.done:
        r.notes.append(f"{screw.group(1)} is the screw: the hole sizes said are used")
    return r


# "make it -5 thick", "set the hole to -8": a size below zero, which no part has (a change by an amount is said
# 'thinner' / 'shorter'; a place may be negative: 'move it to x = -10' is no size)
NEGATIVE_SIZE = re.compile(r"(?:^|(?<=[\s(:=]))-(?P<n>\d+(?:\.\d+)?)\s*(?:mm|cm|in\b|\")?\s*(?:thick|long|wide|tall|high|"
                           r"deep|dia\w*|od|id|across|radius|wall|walls)\b|\b(?:make|set|change)\s+(?:it|them|the\s+\w+)\s+"
                           r"(?:to\s+)?-(?P<m>\d+(?:\.\d+)?)\s*(?:mm|cm|in\b|\")?\s*(?:$|[,.;!]|please|pls)", re.I)


# "..., leave the pocket edges sharp", "but keep the holes as they are": a clause of an edit that only says what stays
LEFT_AS_IS = re.compile(r"(?:^|[,;.]|\band\b|\bbut\b)\s*(?:(?:and|but|while|just)\s+)*(?P<kept>(?:leave|leaving|keep|keeping)\s+"
                        r"(?:the\s+|its\s+|all\s+the\s+)?[a-z' ]{0,40}?\b(?:sharp|alone|untouched|square))\s*(?=$|[,;.!])", re.I)
# (not 'keep the hole where it is': where a feature stays is a change's part when the part is resized)


# "make the pocket bigger, leaving 10 mm of wall all round": the pocket's outline from the wall left beside it
WALL_LEFT = re.compile(r"\bpocket\b.*?\b(?:leav\w*|to leave|with|so there'?s|so there is|keeping)\s+(?:only\s+|just\s+|a\s+)?"
                       r"(?P<n>\d+(?:\.\d+)?)\s*(?:mm\s*)?(?:of\s+)?(?:walls?|material|rim|edge|border|margin)\b", re.I)


def _wall_left(text: str, spec) -> str | None:
    m = WALL_LEFT.search(text)
    if m is None:
        return None
    data = _plain(spec)
    b = data.get("body") or {}
    pockets = [f for f in data.get("features", []) if f["kind"] == "pocket" and f.get("shape", "rect") == "rect"]
    if b.get("kind") != "box" or len(pockets) != 1 or (pockets[0].get("at") or {"kind": "center"})["kind"] != "center" or \
            pockets[0].get("on", "top") not in ("top", "bottom"):
        return None
    w = float(m.group("n"))
    L, W = b["length"] - 2 * w, b["width"] - 2 * w
    if L <= 0 or W <= 0:
        return None
    return f"make the pocket {fmt(L)} long and {fmt(W)} wide"


def _gusset_edit(text: str, spec) -> EditResult | None:
    """'make that two gussets, one flush with each side edge, instead of the middle one', 'gussets 8 thick', 'gusset 40
    along each leg': the gussets' count and places, thickness or size; None for anything else."""
    from .build_features import gusset_places

    data = _plain(spec)
    gs = [f for f in data.get("features", []) if f["kind"] == "gusset"]
    t = normalize(text)
    if not gs or not re.search(r"\bgussets?\b", t) or re.search(r"\b(?:remove|delete|drop|no|without|get rid of|lose)\b", t):
        return None
    g, body = gs[-1], data["body"]
    new, said = dict(g), []
    n = re.search(r"\b(\d+)\s+(?:\w+\s+)?gussets\b", t)
    thick = re.search(r"(\d+(?:\.\d+)?)\s*(?:mm\s*)?thick\b", t)
    size = re.search(r"(\d+(?:\.\d+)?)\s*(?:mm\s*)?(?:along|up|on|x)\s+(?:each|both|the)\s+legs?\b|\blegs?\s+(\d+(?:\.\d+)?)\b", t)
    if thick:
        new["thickness"] = float(thick.group(1))
        said.append(f"{fmt(new['thickness'])} thick")
    if size:
        new["length"] = new["height"] = float(size.group(1) or size.group(2))
        said.append(f"{fmt(new['length'])} along each leg")
    count = int(n.group(1)) if n else len(g["z"])
    flush = count > 1 and g["z"] == gusset_places(count, body["length"], g["thickness"], "at each end")
    if thick and flush and not n:
        new["z"] = gusset_places(count, body["length"], new["thickness"], "at each end")    # still flush with the ends
    if n or GUSSET_PLACE.search(t):
        z = gusset_places(count, body["length"], new["thickness"], t)
        if z is None:
            return EditResult(None, failed=["where the gussets go along the bracket (e.g. 'one in the middle', 'one at "
                                            "each end')"])
        new["z"] = z
        said.append(f"{count} gusset{'s' if count > 1 else ''}" + (" in the middle" if z == [0.0] else
                                                                   " flush with the ends" if count == 2 else ", evenly"))
    if not said:
        return None
    try:
        out = _plain(ops.replace_feature(data, g["id"], {k: v for k, v in new.items() if k != "id"}))
    except (SpecError, ops.OpError, KeyError, ValueError) as exc:
        return EditResult(None, failed=[f"{g['id']}: {_first_line(exc)}"])
    return EditResult(out, done=[f"{g['id']}: " + ", ".join(said)])


GUSSET_PLACE = re.compile(r"\b(?:middle|cent(?:re|er)|ends?|edges?|flush)\b")


# the heads of holes taken off, said beside another change to them ("tapped M8 through holes, no counterbore",
# "plain Ø12 clearance holes straight through", "back to simple thru holes, same 6.6 size")
HEADS_OFF = re.compile(r"[,;]?\s*\b(?:no|without(?:\s+(?:the|a|any))?|lose\s+the|drop\s+the)\s+(?:counter\s*-?\s*bores?|"
                       r"countersinks?|c'?bores?|csinks?|csk|c'sinks?|heads?|threads?)\b|"
                       r"\b(?:back\s+to\s+)?(?:plain|simple|ordinary|regular|normal)\s+(?:old\s+)?(?=(?:\S+\s+){0,3}?(?:holes?|bores?)\b)",
                       re.I)


def _heads_off_and(text: str, spec) -> EditResult | None:
    """Heads taken off and another change to the same holes: the holes made plain, then the rest of the words on them
    (the head words were read as a counterbore for M8, or 'Ø12 clearance holes' as twelve holes, the heads kept)."""
    data = _plain(spec)
    holes = [f for f in data.get("features", []) if f["kind"] == "hole"]
    if not holes or not any("cbore" in f or "csink" in f for f in holes) or not HEADS_OFF.search(text) or \
            ADD_VERB.search(text.lower()):
        return None       # ("put a plain 25mm hole in the middle": a new hole, the heads of the others kept)
    rest = HEADS_OFF.sub(" ", text)
    rest = re.sub(r"\bstraight\s+(?=through|thru)", "", rest, flags=re.I)
    rest = re.sub(r"\bchange\s+(them|it|the holes?)\s+back\s+to\b", r"make \1", rest, flags=re.I)
    if not re.search(r"\d|\btapped\b|\bthread", rest, re.I) or re.search(r"\b(?:counter\s*-?\s*bored?|countersunk|"
                                                                        r"countersink|c'?bored?|csk)\b", rest, re.I):
        return None       # nothing else said of them (the plain-holes edit alone), or another head asked for
    plain = _apply_edit("make the holes plain through holes", spec)
    if plain.spec is None or plain.failed:
        return None
    r = _apply_edit(rest.strip(" ,;"), plain.spec)
    if r.spec is None or r.failed:
        return None
    r.done = plain.done + r.done
    return r


def _apply_edit(text: str, spec) -> EditResult:
    heads = _heads_off_and(text, spec)
    if heads is not None:
        return heads
    gusset = _gusset_edit(text, spec)
    if gusset is not None:
        return gusset
    walled = _wall_left(text, spec)
    if walled is not None:
        r = _apply_edit(walled, spec)
        r.notes.insert(0, f"read as '{walled}' (the wall left all round)")
        return r
    kept = [m.group("kept") for m in LEFT_AS_IS.finditer(text)]
    if kept and LEFT_AS_IS.sub("", text).strip(" ,;.!"):
        r = _apply_edit(LEFT_AS_IS.sub("", text), spec)
        r.notes += [f"kept as it is: '{k}'" for k in kept]
        if r.spec is not None and any(re.search(r"\b(?:bottom|floor|base)\b", k, re.I) for k in kept):
            _floor_kept(r, _plain(spec))     # "thicker walls 4mm but leave the floor alone": the floor as it was
        return r
    neg = NEGATIVE_SIZE.search(text)
    if neg:
        return EditResult(None, failed=[f"a size cannot be negative ('{neg.group(0).strip()}'): say the size it should be, "
                                        "or how much smaller (e.g. '2 mm thinner')"])
    # "my pin is 1/2 inch, make the bore fit that exactly", "the shaft is 1 inch so open the bore up to 1\"": the size the
    # reason gives, for the feature the change names (a reason with its own size said again is only a reason)
    text = re.sub(r"^\s*(?:(?:ok|so|well|hmm|oh)\W+)*(?:my|the|our|his|her)\s+(?:\w+\s+)?(?:pin|shaft|bolt|screw|rod|bearing|dowel|"
                  r"axle|tube|pipe|stud|spindle|motor shaft)\s+(?:is|'s|are|measures|will be)\s+(?:actually\s+|exactly\s+)?"
                  r"([\d./]+\s*(?:mm|cm|in(?:ch(?:es)?)?\b|\"|millimet\w*)?)\s*(?:dia\w*|od)?\s*(?:[,;:.-]+\s*(?:(?:so|and|please)\s+)?|"
                  r"(?:so|and)\s+)"
                  r"(?:(?:make|open|bore)\s+(?:up\s+)?(?:(?:the|its)\s+)?(bore|hole|id|inside|inner diameter|centre hole|center hole|it)\s+"
                  r"(?:(?:to\s+)?fit\s+(?:that|it|this|them)|to\s+(?:match|suit|fit)(?:\s+(?:that|it|this))?|that size|"
                  r"the same)(?:\s+exactly|\s+please)*\W*$|(?P<suit>(?:bore|open)\s+(?:it\s+)?(?:out\s+|up\s+)?to\s+(?:suit|fit|match)"
                  r"(?:\s+(?:that|it|this))?(?:\s+exactly|\s+please)*\W*$)|(?=\S))",
                  lambda m: f"{m.group(2)} {m.group(1)}" if m.group(2) else f"bore {m.group(1)}" if m.group("suit") else "", text,
                  flags=re.I)
    text = re.sub(r"\s*\b(?:this time|for a change)\b", "", text, flags=re.I)     # "but with 2 mm walls this time"
    # "hole is too small, please make 10", "the slot's too tight - go 8.5": that feature, the new size
    text = re.sub(r"\b(?:the\s+)?(holes?|bores?|slots?|pockets?|counterbores?|fillets?|chamfers?|boss|hub)\s*(?:is|are|'s|'re|"
                  r"seems?|looks?)?\s+(?:a bit |a little |way |much |slightly |kinda |rather |far |just )?too\s+(?:small|big|"
                  r"large|tight|loose|narrow|wide|shallow|deep)\b\s*[,;:.!-]*\s*(?:so\s+)?(?:please\s+|pls\s+)?(?:(?:let'?s\s+)?"
                  r"(?:make|go|try|use|do|change|set)\b(?:\s+(?:it|them|that|with|to|it to|them to|that to))?\s*)?"
                  r"(?=[ø⌀]?\s*[\d./]+\s*(?:mm|cm|in(?:ch(?:es)?)?|\")?\s*(?:dia\w*|wide|deep)?\s*(?:instead|please|pls|then)?\W*$)",
                  r"\1 ", text, flags=re.I)
    # "hole to the middle, 15 dia": moved there, then that size (only its size was changed)
    text = re.sub(r"^(\s*(?:(?:ok|now|and|then|so|also)\W+)*)(?:the\s+)?(holes?|slots?|pockets?|boss(?:es)?)\s+(?:to|into|back to)\s+"
                  r"the\s+(middle|cent(?:er|re))\b\s*(?:,|and)\s*(?=[\d.Øø⌀])", r"\1move the \2 to the \3, then make the \2 ", text,
                  flags=re.I)
    # "two things: cube to 60, and the hole 15": what follows are the changes
    text = re.sub(r"^\s*(?:(?:ok|okay|so|and|also|now)\W+)*(?:two|2|three|3|a (?:few|couple of)|couple of|some|few)\s+(?:more\s+)?"
                  r"(?:things|changes|edits|tweaks|mods)(?:\s+please)?\s*[:,;-]+\s*", "", text, flags=re.I)
    # sentences first ("actually no hole. hollow it out instead, 2mm walls"), then the actions joined in each
    sentences = re.split(r"(?<![\d.])(?<!\bdia)(?<!\bapprox)(?<!\bno)(?<!\bthk)(?<!\bin)(?<!\bca)\.\s+(?=[a-zA-Z])", text)
    parts = [p for sent in sentences for p in THEN.split(sent) if p and p.strip()]
    if any(re.match(r"\s*(?:(?:ok|okay|actually|no|oops|sorry|scratch that)\W+)*(?:undo|revert|roll ?back|go back)\b", p, re.I)
           for p in parts) and len(parts) > 1:
        # "undo that and make the holes 8": the change on the part before the undo would be another part
        return EditResult(None, failed=["an undo and a change in one message: say the undo first (e.g. 'undo'), then the "
                                        "change"])
    if len(parts) < 2:
        return _run(text, spec)
    out, current = EditResult(None), spec
    unread = []
    verb = re.match(r"\s*(make|remove|delete|get rid of|lose|drop|change|set|swap)\b", parts[0], re.I)
    if verb:
        # "make the fillets 4 and the holes M5", "remove the holes and the fillets": the verb carries over
        parts = [parts[0]] + [p if re.match(r"\s*(?:(?:just|also|maybe|please|now)\s+)?(?:add|put|drill|cut|bore|remove|delete|"
                                            r"round|chamfer|fillet|bevel|shell|"
                                            r"hollow|change|move|make|tap|counterbore|countersink|the (?:big|bigger|small|"
                                            r"smaller|large|larger|little|middle|centre|center|other|outer|inner|corner|new|"
                                            r"first|last) )", p, re.I) else f"{verb.group(1)} {p.strip()}" for p in parts[1:]]
    prev = ""
    for part in parts:
        noun = FEATURE_WORD.search(prev)
        if noun and re.match(r"\s*(?:and\s+)?(?:make|set|change|turn|go to)\s+(?:it|them)\s+(?:to\s+)?[\d./]+\s*(?:mm|cm|in|\")?"
                             r"\s*(?:dia\w*|across|instead|please|pls)?\s*[.!]*\s*$", part, re.I):
            # "move the hole 10 left and make it 12": 'it' is the hole just named, not the part
            part = re.sub(r"\b(?:it|them)\b", f"the {noun.group(1)}", part, count=1)
        prev = part
        r = _run(part, current)
        if r.failed and noun and re.match(r"\s*(?:and\s+)?(?:make|set|change)\s+it\s+[\d./]+\s*(?:mm|cm|in|\")?\s*(?:long|wide|deep)\b",
                                          part, re.I):
            # "widen the slot to 16 and make it 100 long": the part that long cannot hold its features, the slot can be
            alt = _Editor(re.sub(r"\bit\b", f"the {noun.group(1)}", part, count=1), current).run()
            if alt.spec is not None and not alt.failed:
                alt.notes.append(f"'it' read as the {noun.group(1)} just named (the part that size would not hold its "
                                 "features)")
                r = alt
        if r.failed and not r.done and all(f.startswith("no change I could read") for f in r.failed) and \
                any(n.startswith("kept as it is") for n in r.notes):
            r.failed = []          # "thicker walls, 3mm. floor stays 4": the second sentence only says what stays
        out.done += r.done
        out.notes += r.notes
        lead_in = [f for f in r.failed if (f.startswith("no change I could read") or "' with no size: " in f)
                   and not _asks_something(part) and not re.search(r"\d", part)]      # a number is asked for
        out.failed += [f for f in r.failed if f not in lead_in]
        unread += lead_in
        if r.spec is not None:
            current = r.spec
    if not out.done:
        out.failed += unread[:1]      # ("thicker wall please: keep the outside, make the inside 20": the words
        # of one part may only lead into the change the next part makes)
    out.spec = _plain(current) if out.done else None
    return out


def _run(text: str, spec) -> EditResult:
    """One action on ``spec``. On a part asked in cm, a change whose bare numbers as cm cannot be built ('4 holes Ø6, 1 cm
    in from the corners' on a 12 x 8 cm plate: Ø60 holes overlap and run off it) is read with them in mm, said."""
    r = _Editor(text, spec).run()
    data = _plain(spec)
    if not r.failed or data.get("units") != "cm" or not any("problem(s) in the part spec" in f or "read in cm" in f
                                                             for f in r.failed):
        return r            # ("and make the cube 40" on a 3 cm cube: 400 mm, 13 times its size, as cm)
    alt = _Editor(text, {**data, "units": "mm"}).run()
    if alt.failed or alt.spec is None:
        return r
    alt.spec["units"] = "cm"
    alt.notes.append("the numbers without a unit read as mm (as cm the part could not be built: "
                     + "; ".join(f.split(":")[0] if "read in cm" not in f else f.split(";")[0].split(",")[0]
                                 for f in r.failed)[:120] + ")")
    return alt


_PATTERN_WORDS: frozenset | None = None


def _pattern_words() -> frozenset:
    """The words this module's patterns read ('space them', 'nudge', 'spread'): words an edit is known to be made of."""
    global _PATTERN_WORDS
    if _PATTERN_WORDS is None:
        pats = [v.pattern for v in globals().values() if isinstance(v, re.Pattern)]
        _PATTERN_WORDS = frozenset(w for p in pats for w in re.findall(r"(?<![\\?])\b[a-z]{3,}\b", p))
    return _PATTERN_WORDS


def _asks_something(part: str) -> bool:
    """Does this piece of an edit ask for something ('add a ledge', 'taper the sides'), rather than lead into the
    next piece ('thicker wall please: keep the outside')?"""
    from .spelling import edit_words

    t = normalize(part).strip(" ,;.")
    if ADD_VERB.search(t):
        return True
    m = re.match(r"(?:(?:and|then|also|now|please)\s+)*([a-z]+)\s+(?:the|it|its|a|an|them|those|some)\b", t)
    return bool(m) and m.group(1) not in edit_words() | _pattern_words() and find("features", m.group(1)) == []


def _pair(spacing) -> list[float]:
    """A grid's spacing from what the pattern had: a pair, one number (a row's), or nothing (10 x 10)."""
    if isinstance(spacing, (list, tuple)) and len(spacing) == 2:
        return [float(spacing[0]), float(spacing[1])]
    if isinstance(spacing, (int, float)):
        return [float(spacing), float(spacing)]
    return [10.0, 10.0]
