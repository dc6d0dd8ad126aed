// Every node with its properties (document texts left out), for evaluation and export.
MATCH (n:Node)
RETURN n.id AS id, [l IN labels(n) WHERE NOT l IN ['Node', 'Entity', 'Fact', 'Source']][0] AS kind,
       n {.*, text: null} AS props
