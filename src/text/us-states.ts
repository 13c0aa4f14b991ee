/**
 * US states, the District of Columbia and the territories with their postal codes: the US entries of the maintained
 * `provinces` package (1.11.0), written out because the package is a devDependency (read at training only);
 * test/text/us-states.test.ts checks this list against the package.
 */

/** A US state or territory: its name and its two-letter postal code. */
export interface UsState {
  name: string
  postal: string
}

/** The US entries of the `provinces` package, in its order. */
export const US_STATES: readonly UsState[] = [
  {name: 'Alabama', postal: 'AL'},
  {name: 'Alaska', postal: 'AK'},
  {name: 'Arizona', postal: 'AZ'},
  {name: 'Arkansas', postal: 'AR'},
  {name: 'California', postal: 'CA'},
  {name: 'Colorado', postal: 'CO'},
  {name: 'Connecticut', postal: 'CT'},
  {name: 'District of Columbia', postal: 'DC'},
  {name: 'Delaware', postal: 'DE'},
  {name: 'Florida', postal: 'FL'},
  {name: 'Georgia', postal: 'GA'},
  {name: 'Hawaii', postal: 'HI'},
  {name: 'Idaho', postal: 'ID'},
  {name: 'Illinois', postal: 'IL'},
  {name: 'Indiana', postal: 'IN'},
  {name: 'Iowa', postal: 'IA'},
  {name: 'Kansas', postal: 'KS'},
  {name: 'Kentucky', postal: 'KY'},
  {name: 'Louisiana', postal: 'LA'},
  {name: 'Maine', postal: 'ME'},
  {name: 'Maryland', postal: 'MD'},
  {name: 'Massachusetts', postal: 'MA'},
  {name: 'Michigan', postal: 'MI'},
  {name: 'Minnesota', postal: 'MN'},
  {name: 'Mississippi', postal: 'MS'},
  {name: 'Missouri', postal: 'MO'},
  {name: 'Montana', postal: 'MT'},
  {name: 'Nebraska', postal: 'NE'},
  {name: 'Nevada', postal: 'NV'},
  {name: 'New Hampshire', postal: 'NH'},
  {name: 'New Jersey', postal: 'NJ'},
  {name: 'New Mexico', postal: 'NM'},
  {name: 'New York', postal: 'NY'},
  {name: 'North Carolina', postal: 'NC'},
  {name: 'North Dakota', postal: 'ND'},
  {name: 'Ohio', postal: 'OH'},
  {name: 'Oklahoma', postal: 'OK'},
  {name: 'Oregon', postal: 'OR'},
  {name: 'Pennsylvania', postal: 'PA'},
  {name: 'Rhode Island', postal: 'RI'},
  {name: 'South Carolina', postal: 'SC'},
  {name: 'South Dakota', postal: 'SD'},
  {name: 'Tennessee', postal: 'TN'},
  {name: 'Texas', postal: 'TX'},
  {name: 'Utah', postal: 'UT'},
  {name: 'Vermont', postal: 'VT'},
  {name: 'Virginia', postal: 'VA'},
  {name: 'Washington', postal: 'WA'},
  {name: 'West Virginia', postal: 'WV'},
  {name: 'Wisconsin', postal: 'WI'},
  {name: 'Wyoming', postal: 'WY'},
  {name: 'American Samoa', postal: 'AS'},
  {name: 'Guam', postal: 'GU'},
  {name: 'Northern Mariana Islands', postal: 'MP'},
  {name: 'Puerto Rico', postal: 'PR'},
  {name: 'United States Minor Outlying Islands', postal: 'UM'},
  {name: 'Virgin Islands', postal: 'VI'},
]
