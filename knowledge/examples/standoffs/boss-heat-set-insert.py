"""
id: boss-heat-set-insert
title: Boss for a heat-set insert
description: A square pad with a cylindrical boss and a blind hole sized for a brass heat-set insert.
family: standoffs
tags: [boss, heat-set insert, insert, threaded insert, blind hole, standoff]
parameters:
  pad: {default: 20.0, unit: mm, meaning: pad size}
  pad_t: {default: 3.0, unit: mm, meaning: pad thickness}
  boss_d: {default: 9.0, unit: mm, meaning: boss diameter}
  boss_h: {default: 8.0, unit: mm, meaning: boss height}
  insert_d: {default: 4.2, unit: mm, meaning: insert hole diameter}
  insert_depth: {default: 6.0, unit: mm, meaning: insert hole depth}
bbox: [20, 20, 11]
"""
import cadquery as cq

pad = 20.0  # mm: pad size
pad_t = 3.0  # mm: pad thickness
boss_d = 9.0  # mm: boss diameter
boss_h = 8.0  # mm: boss height
insert_d = 4.2  # mm: insert hole diameter
insert_depth = 6.0  # mm: insert hole depth

pad_part = cq.Workplane("XY").box(pad, pad, pad_t, centered=(True, True, False))
boss = cq.Workplane("XY").workplane(offset=pad_t).circle(boss_d / 2).extrude(boss_h)
result = pad_part.union(boss).faces(">Z").workplane().hole(insert_d, insert_depth)
