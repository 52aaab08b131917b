"""Finding the people of an article, stage by stage, for the people component.

`candidates` finds name spans beyond the model's PERSON entities, `mentions` cleans each span
into a name, `clusters` groups the mentions of one person and folds aliases and spellings,
`evidence` keeps the clusters that name a person, `records` turns them into PersonRecords and
`countries` fills in the country a person acts for where the words around the name did not.
`words` holds the word tests the stages share.
"""
