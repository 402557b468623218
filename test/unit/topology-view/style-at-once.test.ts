/**
 * Styling a new picture in one pass must leave it exactly as cytoscape's own lazy styling does: the same style on
 * every element, the same bounds on every node and box, and changes made afterwards still moving the boxes around
 * them. Checked on cytoscape itself, headless under Node, with the page's stylesheet and the elements of a lab.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import cytoscape from 'cytoscape';
import { graphFromSnapshot } from '../../../src/core/graph/from-snapshot.js';
import { topologyElements } from '../../../src/ext/view-model/topology-elements.js';
import { styleAtOnce } from '../../../src/topology-view/style-at-once.js';
import { readTheme, stylesheet } from '../../../src/topology-view/theme.js';
import { routerLab } from '../core/graph/fixtures.js';

const LAB = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };
const STYLE = stylesheet(readTheme(() => '', true)) as cytoscape.StylesheetJson;

/** The router lab as the page adds it: grouped by lab, each simple node sized and placed. */
function definitions(): cytoscape.ElementDefinition[] {
  return topologyElements(graphFromSnapshot(routerLab(), { labs: [LAB] }), { groupLabs: true }).map((element, index) =>
    element.group === 'nodes'
      ? { group: 'nodes', data: { ...element.data, w: 60 + (index % 5) * 7, h: 28 + (index % 3) * 16 }, classes: element.classes, position: { x: (index * 97) % 600, y: (index * 53) % 400 } }
      : { group: 'edges', data: { ...element.data }, classes: element.classes },
  );
}

const made: cytoscape.Core[] = [];

function picture(): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: STYLE });
  cy.add(definitions());
  made.push(cy);
  return cy;
}

/** Every element's whole style and bounds, by id. */
function looks(cy: cytoscape.Core): Map<string, string> {
  const seen = new Map<string, string>();
  cy.elements().forEach((element) => void seen.set(element.id(), JSON.stringify([element.style(), element.boundingBox()])));
  return seen;
}

describe('styling a new picture in one pass', () => {
  // A cytoscape instance keeps a timer running (its animation loop) until it is destroyed.
  after(() => made.splice(0).forEach((cy) => cy.destroy()));

  test('styles every element and bounds every node and box as the lazy way does', () => {
    const lazy = picture();
    const atOnce = picture();
    assert.equal(styleAtOnce(atOnce), true, 'this cytoscape lacks the parts the one pass uses');
    const expected = looks(lazy);
    assert.ok(expected.size > 20, `only ${expected.size} elements`);
    assert.ok(atOnce.nodes(':parent').length > 0, 'the lab has no boxes to bound');
    assert.deepEqual(looks(atOnce), expected);
  });

  test('leaves cytoscape as it was: a later change still resizes the boxes around it and restyles its edges', () => {
    const lazy = picture();
    const atOnce = picture();
    styleAtOnce(atOnce);
    const before = atOnce.getElementById('ns:lab-router').boundingBox();
    assert.equal(Object.prototype.hasOwnProperty.call(atOnce.style(), 'checkTriggers'), false, "cytoscape's own change marks were not given back");
    for (const cy of [lazy, atOnce]) {
      looks(cy);
      cy.getElementById('if:lab-router/up0').data({ w: 400, h: 120 }).addClass('drift-missing');
      cy.getElementById('if:lab-router/host0').position({ x: 900, y: 700 });
    }
    assert.deepEqual(looks(atOnce), looks(lazy));
    assert.notDeepEqual(atOnce.getElementById('ns:lab-router').boundingBox(), before, 'the box did not grow with what it holds');
  });

  // Another cytoscape version cannot be installed beside this one: a stand-in without the style internals shows
  // that the one pass then does nothing and says so, leaving the ordinary styling to cytoscape.
  test('does nothing on a cytoscape without the internals it uses', () => {
    const elements = picture().elements();
    const standIn = { style: () => ({}), elements: () => elements } as unknown as cytoscape.Core;
    assert.equal(styleAtOnce(standIn), false);
  });
});
