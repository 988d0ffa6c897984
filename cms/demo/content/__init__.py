"""Demo text: small tables of Vietnamese/English building blocks.

All text here was written for Cổng's demo; none is copied from elsewhere.
Names of people, companies and addresses are invented.
"""
